import type { AdminGraphql } from "../../app/commerce/types";

/** A chat message as the storefront's app proxy delivers it to the proxy handler, for the proxy tests. */

/** The POST: the signed proxy URL's query (the signature is not checked here), a JSON body, the client's address. */
export function proxyMessage(
  shop: string,
  body: unknown,
  { ip, signature, query = "" }: { ip: string; signature: string; query?: string },
): Request {
  return new Request(`http://localhost/proxy/messages?shop=${shop}${query}&timestamp=1&signature=${signature}`, {
    method: "POST",
    body: typeof body === "string" ? body : JSON.stringify(body),
    headers: { "Content-Type": "application/json", "X-Forwarded-For": ip },
  });
}

/** The handler's dependencies on a demo store: the proxy's session for its shop, its Admin API and clock. */
export function demoProxyDeps<Db, Limits>(
  db: Db,
  limits: Limits,
  store: { shopDomain: string; graphql: AdminGraphql; now: Date },
) {
  return {
    db,
    limits,
    authenticateProxy: async () => ({ session: { shop: store.shopDomain }, admin: { graphql: store.graphql } }),
    now: () => store.now,
  };
}
