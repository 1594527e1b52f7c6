import type { LoaderFunctionArgs } from "@remix-run/node";
import db from "../db.server";
import { authenticate } from "../shopify.server";
import { dataRequestDownload } from "../privacy/data-requests.server";
import { pageTitle } from "../components/title";

export const meta = () => pageTitle("Privacy request");

// One customer data request's export, as JSON, for this shop only.
export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const file = await dataRequestDownload(db, session.shop, params.id ?? "");
  if (!file) return new Response("Not found", { status: 404 });
  return new Response(file.body, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "Cache-Control": "no-store",
    },
  });
};
