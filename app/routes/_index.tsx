import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";

// Shopify opens the app at its URL with ?shop=…; send those requests into the embedded admin.
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const url = new URL(request.url);
  if (url.searchParams.get("shop")) throw redirect(`/app?${url.searchParams.toString()}`);
  return null;
};

export default function Index() {
  return (
    <main style={{ fontFamily: "system-ui, sans-serif", maxWidth: 560, margin: "80px auto", lineHeight: 1.5 }}>
      <h1>Storefront support chat</h1>
      <p>
        An AI support assistant for your Shopify storefront: order tracking, product answers, returns and hand-offs to
        your team.
      </p>
      <p>Install it from the Shopify App Store, then open it from your Shopify admin.</p>
    </main>
  );
}
