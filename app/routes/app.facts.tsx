import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import {
  Badge,
  BlockStack,
  Button,
  Card,
  ChoiceList,
  InlineStack,
  Layout,
  Page,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { TitleBar } from "@shopify/app-bridge-react";
import db from "../db.server";
import { authenticate } from "../shopify.server";
import { createCommerce } from "../commerce/store";
import { changeFact, storeFactsView, type FactRow } from "../admin/facts.server";
import type { FactKey } from "../chat/shop/facts";
import { weekdayName, type Weekday } from "../chat/shop/working-days";
import { pageTitle } from "../components/title";

export const meta = () => pageTitle("Store facts");

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session, admin } = await authenticate.admin(request);
  return { facts: await storeFactsView(db, session.shop, createCommerce(admin.graphql)) };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const form = await request.formData();
  const action = String(form.get("action"));
  if (action !== "set" && action !== "clear" && action !== "reset")
    return { ok: false as const, errors: { action: "Unknown action" } };
  return changeFact(db, session.shop, {
    key: String(form.get("key")) as FactKey,
    action,
    fields: Object.fromEntries(form.entries()),
  });
};

const STATUS: Record<FactRow["status"], { label: string; tone?: "success" | "info" | "attention" }> = {
  read: { label: "Read from your policies", tone: "info" },
  merchant: { label: "Set by you", tone: "success" },
  cleared: { label: "Not stated (your choice)" },
  unknown: { label: "Not found", tone: "attention" },
};
/** Nothing says it, and the bot goes by a documented default: the merchant should confirm it. */
const ASSUMED = { label: "Assumed — confirm", tone: "attention" as const };
// The week as the picker lists it, Monday first.
const WEEK: Weekday[] = [1, 2, 3, 4, 5, 6, 0];

export default function StoreFacts() {
  const { facts } = useLoaderData<typeof loader>();
  return (
    <Page
      title="Store facts"
      subtitle="What the bot tells shoppers about your store's rules. It reads them from your policies and FAQs; confirm, correct or clear each one."
    >
      <TitleBar title="Store facts" />
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {facts.map((fact) => (
              <FactCard key={fact.key} fact={fact} />
            ))}
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

function FactCard({ fact }: { fact: FactRow }) {
  const fetcher = useFetcher<typeof action>();
  const errors = fetcher.data && !fetcher.data.ok ? fetcher.data.errors : {};
  const value = (fact.value ?? {}) as Record<string, unknown>;
  const [fields, setFields] = useState<Record<string, string>>({
    days: String(value.days ?? ""),
    from: String(value.from ?? "delivery"),
    min: String(value.min ?? ""),
    max: String(value.max ?? ""),
    unit: String(value.unit ?? "business_days"),
    sentence: typeof fact.value === "string" ? fact.value : "",
    weekdays: Array.isArray(fact.value) ? fact.value.join(",") : "",
  });
  const set = (name: string) => (v: string) => setFields((f) => ({ ...f, [name]: v }));
  const submit = (action: "set" | "clear" | "reset") =>
    fetcher.submit({ key: fact.key, action, ...fields }, { method: "post" });
  const assumed = fact.status === "unknown" && fact.fallback !== null;
  const status = assumed ? ASSUMED : STATUS[fact.status];

  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">
            {fact.title}
          </Text>
          <Badge tone={status.tone}>{status.label}</Badge>
        </InlineStack>
        <Text as="p" tone="subdued">
          {fact.help}
        </Text>
        <Text as="p">
          {fact.statement
            ? `The bot goes by: ${fact.statement}`
            : fact.fallback
              ? `Nothing of yours says this; the bot assumes ${fact.fallback} (never told to shoppers as your rule).`
              : "The bot states nothing about this; it quotes your policy if it can, or offers your team."}
        </Text>
        {fact.readFrom?.sentence && (
          <Text as="p" tone="subdued">
            {`Read from “${fact.readFrom.where}”: “${fact.readFrom.sentence}”`}
          </Text>
        )}
        {fact.kind === "window" && (
          <InlineStack gap="300" blockAlign="end">
            <TextField
              label="Days"
              type="number"
              value={fields.days}
              onChange={set("days")}
              error={errors.days}
              autoComplete="off"
            />
            <Select
              label="Counted from"
              options={[
                { label: "Delivery", value: "delivery" },
                { label: "Order date", value: "order" },
                { label: "Not said", value: "unknown" },
              ]}
              value={fields.from}
              onChange={set("from")}
            />
          </InlineStack>
        )}
        {fact.kind === "duration" && (
          <InlineStack gap="300" blockAlign="end">
            <TextField
              label="At least"
              type="number"
              value={fields.min}
              onChange={set("min")}
              error={errors.min}
              autoComplete="off"
            />
            <TextField
              label="At most"
              type="number"
              value={fields.max}
              onChange={set("max")}
              error={errors.max}
              autoComplete="off"
            />
            <Select
              label="Unit"
              options={[
                { label: "Business days", value: "business_days" },
                { label: "Days", value: "days" },
                { label: "Hours", value: "hours" },
                { label: "Weeks", value: "weeks" },
              ]}
              value={fields.unit}
              onChange={set("unit")}
            />
          </InlineStack>
        )}
        {fact.kind === "weekdays" && (
          <ChoiceList
            title="Days orders leave"
            allowMultiple
            choices={WEEK.map((day) => ({ label: weekdayName(day, "en"), value: String(day) }))}
            selected={fields.weekdays.split(",").filter(Boolean)}
            onChange={(days) => set("weekdays")(days.join(","))}
            error={errors.weekdays}
          />
        )}
        {fact.kind === "sentence" && (
          <TextField
            label="Sentence shoppers read"
            value={fields.sentence}
            onChange={set("sentence")}
            error={errors.sentence}
            multiline={2}
            autoComplete="off"
          />
        )}
        <InlineStack gap="200">
          <Button variant="primary" loading={fetcher.state !== "idle"} onClick={() => submit("set")}>
            {fact.status === "read" || assumed ? "Confirm" : "Save"}
          </Button>
          <Button onClick={() => submit("clear")}>Don't state this</Button>
          {(fact.status === "merchant" || fact.status === "cleared") && (
            <Button onClick={() => submit("reset")}>Use what my policies say</Button>
          )}
        </InlineStack>
      </BlockStack>
    </Card>
  );
}
