/**
 * The composition root: the one place that says which implementation of each replaceable part the
 * server runs with. Production runs with the defaults below. A host process (the demo server, or
 * server.mjs in demo mode) may hand in others through `configureApp` before it serves a request;
 * the app never imports them itself. The server entry re-exports `configureApp`, so a host reaches
 * the instance inside the built app (`build.entry.module.configureApp`).
 */
export interface AppServices {
  /** "Now" for the bot: what "recent", "today" and order ages are measured from. */
  now: () => Date;
  /** Where the embedded admin loads App Bridge from; Shopify's CDN when undefined. */
  appBridgeUrl: string | undefined;
}

const PRODUCTION: AppServices = {
  now: () => new Date(),
  appBridgeUrl: undefined,
};

let services: AppServices = PRODUCTION;

export type ConfigureApp = (overrides: Partial<AppServices>) => void;

export const configureApp: ConfigureApp = (overrides) => {
  services = { ...services, ...overrides };
};

export function appServices(): AppServices {
  return services;
}
