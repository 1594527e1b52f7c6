import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { Badge, BlockStack, Button, Card, DataTable, InlineStack, Layout, Page, ProgressBar, Text } from "@shopify/polaris";
import { TitleBar } from "@shopify/app-bridge-react";
import db from "../db.server";
import { authenticate } from "../shopify.server";
import { countCorrections, deleteApprovedAnswer, modelVersions, rollbackTo, startRetrain } from "../admin/training.server";
import { pageTitle } from "../components/title";
import { DownloadButton } from "../components/DownloadButton";

export const meta = () => pageTitle("Training");

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const [labelledCount, approvedCount, approved, versions] = await Promise.all([
    countCorrections(db, session.shop),
    db.approvedAnswer.count({ where: { shop: session.shop } }),
    db.approvedAnswer.findMany({ where: { shop: session.shop }, orderBy: { createdAt: "desc" }, take: 100 }),
    modelVersions(db, session.shop),
  ]);
  return {
    labelledCount,
    approvedCount,
    approved: approved.map((a) => ({ id: a.id, question: a.question, answer: a.answer })),
    versions: versions.map((v) => ({ ...v, createdAt: v.createdAt.toISOString(), activatedAt: v.activatedAt?.toISOString() ?? null })),
  };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const form = await request.formData();
  switch (String(form.get("action"))) {
    case "retrain":
      return { started: await startRetrain(db, session.shop) };
    case "rollback":
      return { ok: await rollbackTo(db, session.shop, String(form.get("versionId"))) };
    case "delete-answer":
      await deleteApprovedAnswer(db, session.shop, String(form.get("answerId")));
      return { ok: true };
    default:
      throw new Response("Unknown action", { status: 400 });
  }
};

const pct = (x: number | null) => (x === null ? "—" : `${(x * 100).toFixed(1)}%`);

export default function Training() {
  const { labelledCount, approvedCount, approved, versions } = useLoaderData<typeof loader>();
  const training = versions.find((v) => v.status === "training");
  const revalidator = useRevalidator();
  // Follow a running retrain until it finishes.
  useEffect(() => {
    if (!training) return;
    const timer = setInterval(() => revalidator.revalidate(), 1000);
    return () => clearInterval(timer);
  }, [training, revalidator]);

  return (
    <Page title="Training">
      <TitleBar title="Training" />
      <Layout>
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">Teach the bot</Text>
              <Text as="p">
                {`${plural(labelledCount, "relabelled message")} and ${plural(approvedCount, "approved answer")}. Retrain builds a new model from the shipped examples plus your corrections, scores it against the current one on your held-out messages, and only switches if it is not worse.`}
              </Text>
              {training ? (
                <BlockStack gap="100">
                  <Text as="p">{`Training version ${training.version}…`}</Text>
                  <ProgressBar progress={Math.round(training.progress * 100)} />
                </BlockStack>
              ) : (
                <InlineStack gap="200">
                  <Form method="post">
                    <input type="hidden" name="action" value="retrain" />
                    <Button submit variant="primary" disabled={labelledCount === 0}>
                      Retrain
                    </Button>
                  </Form>
                  <DownloadButton url="/app/training/export?format=intents" filename="labelled-intents.jsonl">Export labelled messages (eval JSONL)</DownloadButton>
                  <DownloadButton url="/app/training/export?format=openai" filename="fine-tuning.jsonl">Export approved answers (OpenAI fine-tuning JSONL)</DownloadButton>
                </InlineStack>
              )}
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <Card>
            <BlockStack gap="200">
              <Text as="h2" variant="headingMd">Model versions</Text>
              {versions.length > 0 && (
              <DataTable
                columnContentTypes={["text", "text", "numeric", "numeric", "text", "text"]}
                headings={["Version", "Status", "Before", "After", "Notes", ""]}
                rows={versions.map((v) => [
                  `v${v.version}`,
                  <Badge key="s" tone={v.status === "active" ? "success" : v.status === "rejected" || v.status === "failed" ? "critical" : undefined}>{v.status}</Badge>,
                  pct(v.previousAccuracy),
                  pct(v.accuracy),
                  v.note ?? "",
                  v.status === "retired" || v.status === "rejected" ? (
                    <Form method="post" key="r">
                      <input type="hidden" name="action" value="rollback" />
                      <input type="hidden" name="versionId" value={v.id} />
                      <Button submit size="slim">{v.status === "retired" ? "Roll back to this" : "Activate anyway"}</Button>
                    </Form>
                  ) : (
                    ""
                  ),
                ])}
              />
              )}
              {versions.length === 0 && <Text as="p" tone="subdued">No shop model yet: the shipped model answers.</Text>}
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <Card>
            <BlockStack gap="200">
              <Text as="h2" variant="headingMd">Approved answers</Text>
              {approved.map((a) => (
                <InlineStack key={a.id} align="space-between" blockAlign="center" gap="200">
                  <BlockStack gap="050">
                    <Text as="p" fontWeight="semibold">{a.question}</Text>
                    <Text as="p" tone="subdued">{a.answer}</Text>
                  </BlockStack>
                  <Form method="post">
                    <input type="hidden" name="action" value="delete-answer" />
                    <input type="hidden" name="answerId" value={a.id} />
                    <Button submit size="slim" tone="critical">Remove</Button>
                  </Form>
                </InlineStack>
              ))}
              {approved.length === 0 && <Text as="p" tone="subdued">Write the answer the bot should have given from any conversation.</Text>}
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
