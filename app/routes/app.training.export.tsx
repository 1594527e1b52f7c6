import type { LoaderFunctionArgs } from "@remix-run/node";
import db from "../db.server";
import { authenticate } from "../shopify.server";
import { exportFineTuningJsonl, exportIntentsJsonl } from "../admin/training.server";
import { getShopSettings } from "../settings.server";

// Downloads of this shop's labelled data: eval intents format, or OpenAI fine-tuning chat format.
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const format = new URL(request.url).searchParams.get("format");
  const settings = await getShopSettings(db, session.shop);
  const body =
    format === "openai"
      ? await exportFineTuningJsonl(
          db,
          session.shop,
          `You are ${settings.botName.trim() ? `${settings.botName.trim()}, ` : ""}the support assistant of this shop.`,
        )
      : await exportIntentsJsonl(db, session.shop);
  return new Response(body, {
    headers: {
      "Content-Type": "application/jsonl; charset=utf-8",
      "Content-Disposition": `attachment; filename="${format === "openai" ? "fine-tuning" : "labelled-intents"}.jsonl"`,
    },
  });
};
