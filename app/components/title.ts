/** The document's title for an admin page (the admin shows it in the browser tab; screen readers announce it). */
export const APP_TITLE = "Support chat";

export function pageTitle(page: string) {
  return [{ title: `${page} · ${APP_TITLE}` }];
}
