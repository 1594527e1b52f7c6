import { isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { Banner, Page } from "@shopify/polaris";

/**
 * The error boundary of an admin detail page: a missing or foreign id ("not found") gets a page
 * with the way back; anything else goes on to the app's boundary (Shopify's auth redirects).
 */
export function NotFoundBoundary({ title, back }: { title: string; back: { content: string; url: string } }) {
  const error = useRouteError();
  if (!isRouteErrorResponse(error) || error.status !== 404) throw error;
  return (
    <Page backAction={back} title={title}>
      <Banner tone="warning">{`${title}. It may have been deleted, or the link is wrong.`}</Banner>
    </Page>
  );
}
