import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData, useRevalidator } from "@remix-run/react";
import { useEffect, useState } from "react";
import {
  Badge,
  BlockStack,
  Button,
  Card,
  DataTable,
  InlineStack,
  Layout,
  Page,
  ProgressBar,
  Text,
  TextField,
} from "@shopify/polaris";
import { TitleBar } from "@shopify/app-bridge-react";
import db from "../db.server";
import { authenticate } from "../shopify.server";
import {
  addApprovedAnswer,
  countCorrections,
  deleteApprovedAnswer,
  modelVersions,
  rollbackTo,
  startRetrain,
  updateApprovedAnswer,
} from "../admin/training.server";
import { topUnansweredQuestions } from "../admin/unanswered.server";
import { pageTitle } from "../components/title";
import { DownloadButton } from "../components/DownloadButton";

export const meta = () => pageTitle("Training");

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const [labelledCount, approvedCount, approved, versions, unanswered] = await Promise.all([
    countCorrections(db, session.shop),
    db.approvedAnswer.count({ where: { shop: session.shop } }),
    db.approvedAnswer.findMany({ where: { shop: session.shop }, orderBy: { createdAt: "desc" }, take: 100 }),
    modelVersions(db, session.shop),
    topUnansweredQuestions(db, session.shop),
  ]);
  return {
    labelledCount,
    approvedCount,
    approved: approved.map((a) => ({ id: a.id, question: a.question, answer: a.answer })),
    unanswered: unanswered.map((u) => ({ ...u, lastAskedAt: u.lastAskedAt.toISOString() })),
    versions: versions.map((v) => ({
      ...v,
      createdAt: v.createdAt.toISOString(),
      activatedAt: v.activatedAt?.toISOString() ?? null,
    })),
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
    case "edit-answer":
      return {
        ok: await updateApprovedAnswer(db, session.shop, String(form.get("answerId")), {
          question: String(form.get("question") ?? ""),
          answer: String(form.get("answer") ?? ""),
        }),
      };
    case "add-answer":
      return {
        ok: await addApprovedAnswer(db, session.shop, {
          sourceMessageId: form.get("messageId") ? String(form.get("messageId")) : undefined,
          question: String(form.get("question") ?? ""),
          answer: String(form.get("answer") ?? ""),
        }),
      };
    default:
      throw new Response("Unknown action", { status: 400 });
  }
};

const pct = (x: number | null) => (x === null ? "—" : `${(x * 100).toFixed(1)}%`);

export default function Training() {
  const { labelledCount, approvedCount, approved, versions, unanswered } = useLoaderData<typeof loader>();
  const lastScored = versions.find((v) => v.status !== "training" && v.accuracy !== null);
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
              <Text as="h2" variant="headingMd">
                Teach the bot
              </Text>
              <Text as="p">
                {`${plural(labelledCount, "relabelled message")} and ${plural(approvedCount, "approved answer")}. Retrain builds a new model from the shipped examples plus your corrections, scores it against the current one on your held-out messages, and only switches if it is not worse.`}
              </Text>
              {lastScored && (
                <Text as="p">
                  {`Last retrain (v${lastScored.version}): ${pct(lastScored.previousAccuracy)} before → ${pct(lastScored.accuracy)} after, on ${plural(lastScored.heldOutN, "relabelled message")} it did not learn from. ${lastScored.status === "active" ? "Now active." : "Not activated."}`}
                </Text>
              )}
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
                  <DownloadButton url="/app/training/export?format=intents" filename="labelled-intents.jsonl">
                    Export labelled messages (eval JSONL)
                  </DownloadButton>
                  <DownloadButton url="/app/training/export?format=openai" filename="fine-tuning.jsonl">
                    Export approved answers (OpenAI fine-tuning JSONL)
                  </DownloadButton>
                </InlineStack>
              )}
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <Card>
            <BlockStack gap="200">
              <Text as="h2" variant="headingMd">
                Model versions
              </Text>
              {versions.length > 0 && (
                <DataTable
                  columnContentTypes={["text", "text", "numeric", "numeric", "text", "text"]}
                  headings={["Version", "Status", "Before", "After", "Notes", ""]}
                  rows={versions.map((v) => [
                    `v${v.version}`,
                    <Badge
                      key="s"
                      tone={
                        v.status === "active"
                          ? "success"
                          : v.status === "rejected" || v.status === "failed"
                            ? "critical"
                            : undefined
                      }
                    >
                      {v.status}
                    </Badge>,
                    pct(v.previousAccuracy),
                    pct(v.accuracy),
                    v.note ?? "",
                    v.status === "retired" || v.status === "rejected" ? (
                      <Form method="post" key="r">
                        <input type="hidden" name="action" value="rollback" />
                        <input type="hidden" name="versionId" value={v.id} />
                        <Button submit size="slim">
                          {v.status === "retired" ? "Roll back to this" : "Activate anyway"}
                        </Button>
                      </Form>
                    ) : (
                      ""
                    ),
                  ])}
                />
              )}
              {versions.length === 0 && (
                <Text as="p" tone="subdued">
                  No shop model yet: the shipped model answers.
                </Text>
              )}
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <Card>
            <BlockStack gap="200">
              <Text as="h2" variant="headingMd">
                Top unanswered questions
              </Text>
              <Text as="p" tone="subdued">
                Questions of the last 30 days the bot could not answer, grouped by meaning. Your answer is given to
                every question that asks the same thing.
              </Text>
              {unanswered.map((u) => (
                <UnansweredQuestion key={u.messageId} {...u} />
              ))}
              {unanswered.length === 0 && (
                <Text as="p" tone="subdued">
                  No unanswered questions.
                </Text>
              )}
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <Card>
            <BlockStack gap="200">
              <Text as="h2" variant="headingMd">
                Approved answers
              </Text>
              {approved.map((a) => (
                <ApprovedAnswerRow key={a.id} {...a} />
              ))}
              {approved.length === 0 && (
                <Text as="p" tone="subdued">
                  Write the answer the bot should have given from any conversation.
                </Text>
              )}
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

/** A group of unanswered questions, with "Answer this" opening the form that creates an approved answer. */
function UnansweredQuestion({
  messageId,
  question,
  count,
  otherWordings,
}: {
  messageId: string;
  question: string;
  count: number;
  otherWordings: string[];
}) {
  const [open, setOpen] = useState(false);
  const [answer, setAnswer] = useState("");
  return (
    <BlockStack gap="100">
      <InlineStack align="space-between" blockAlign="center" gap="200">
        <BlockStack gap="050">
          <Text as="p" fontWeight="semibold">{`${question} (asked ${count}×)`}</Text>
          {otherWordings.length > 0 && (
            <Text as="p" tone="subdued">{`Also asked as: ${otherWordings.join(" · ")}`}</Text>
          )}
        </BlockStack>
        {!open && (
          <Button size="slim" onClick={() => setOpen(true)} accessibilityLabel={`Answer this: ${question}`}>
            Answer this
          </Button>
        )}
      </InlineStack>
      {open && (
        <Form method="post" onSubmit={() => setOpen(false)}>
          <input type="hidden" name="action" value="add-answer" />
          <input type="hidden" name="messageId" value={messageId} />
          <input type="hidden" name="answer" value={answer} />
          <BlockStack gap="100">
            <TextField
              label={`Your answer to "${question}"`}
              value={answer}
              onChange={setAnswer}
              multiline={3}
              autoComplete="off"
            />
            <InlineStack gap="200">
              <Button submit variant="primary" disabled={!answer.trim()}>
                Save answer
              </Button>
              <Button onClick={() => setOpen(false)}>Cancel</Button>
            </InlineStack>
          </BlockStack>
        </Form>
      )}
    </BlockStack>
  );
}

/** An approved answer: its question and answer, editable in place, or removed. */
function ApprovedAnswerRow({ id, question, answer }: { id: string; question: string; answer: string }) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState({ question, answer });
  if (editing) {
    return (
      <Form method="post" onSubmit={() => setEditing(false)}>
        <input type="hidden" name="action" value="edit-answer" />
        <input type="hidden" name="answerId" value={id} />
        <input type="hidden" name="question" value={draft.question} />
        <input type="hidden" name="answer" value={draft.answer} />
        <BlockStack gap="100">
          <TextField
            label="Question"
            value={draft.question}
            onChange={(value) => setDraft({ ...draft, question: value })}
            autoComplete="off"
          />
          <TextField
            label="Answer"
            value={draft.answer}
            onChange={(value) => setDraft({ ...draft, answer: value })}
            multiline={3}
            autoComplete="off"
          />
          <InlineStack gap="200">
            <Button submit variant="primary" disabled={!draft.question.trim() || !draft.answer.trim()}>
              Save changes
            </Button>
            <Button
              onClick={() => {
                setDraft({ question, answer });
                setEditing(false);
              }}
            >
              Cancel
            </Button>
          </InlineStack>
        </BlockStack>
      </Form>
    );
  }
  return (
    <InlineStack align="space-between" blockAlign="center" gap="200">
      <BlockStack gap="050">
        <Text as="p" fontWeight="semibold">
          {question}
        </Text>
        <Text as="p" tone="subdued">
          {answer}
        </Text>
      </BlockStack>
      <InlineStack gap="200">
        <Button size="slim" onClick={() => setEditing(true)} accessibilityLabel={`Edit: ${question}`}>
          Edit
        </Button>
        <Form method="post">
          <input type="hidden" name="action" value="delete-answer" />
          <input type="hidden" name="answerId" value={id} />
          <Button submit size="slim" tone="critical">
            Remove
          </Button>
        </Form>
      </InlineStack>
    </InlineStack>
  );
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
