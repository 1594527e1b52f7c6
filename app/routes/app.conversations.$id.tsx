import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useFetcher, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import {
  Badge,
  BlockStack,
  Box,
  Button,
  Card,
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
import { getConversationDetail, type TranscriptMessage } from "../admin/conversations.server";
import { approveAnswer, approvedAnswersByQuestion, markResolved, relabelMessage } from "../admin/training.server";
import { INTENTS, intentLabel } from "../chat/intent/labels";
import { formatDateTimeUtc, formatElapsed, formatTime } from "../components/time";
import { NotFoundBoundary } from "../components/NotFound";
import { isReusableQuestion } from "../chat/approved-answers";
import { ordersMentioned, shopifyRecords } from "../admin/shopify-links.server";
import { InShopify } from "../components/InShopify";
import { createCommerce } from "../commerce/store";
import { pageTitle } from "../components/title";

const CONVERSATION_STATUS: Record<string, string> = { open: "Open", handoff: "Needs a person", resolved: "Resolved" };

/** Replies that didn't simply answer (app/chat/reply-kind.ts); the first two count as fallbacks on the dashboard. */
const REPLY_KIND_BADGES: Record<string, { label: string; tone?: "warning" | "info" }> = {
  no_answer: { label: "No answer (fallback)", tone: "warning" },
  clarification: { label: "Asked to rephrase (fallback)", tone: "warning" },
  verification_failed: { label: "Order details didn't match" },
  team_followup: { label: "Passed to the team", tone: "info" },
};

export const meta = () => pageTitle("Conversation");

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session, admin } = await authenticate.admin(request);
  const conversation = await getConversationDetail(db, session.shop, params.id ?? "");
  if (!conversation) throw new Response("Conversation not found", { status: 404 });
  const records = await shopifyRecords(createCommerce(admin.graphql), {
    customerId: conversation.customerId,
    orderNumbers: ordersMentioned(conversation.messages),
  });
  const questionIds = conversation.messages.filter((m) => m.role === "shopper").map((m) => m.id);
  // Replies whose question can carry an approved answer ("yes" or "ok" can't: it would answer every "yes").
  const reusable = new Set(
    conversation.messages.filter((m) => m.role === "shopper" && isReusableQuestion(m.text)).map((m) => m.id),
  );
  const approvable = conversation.messages
    .filter((m) => m.role === "bot" && m.replyToId && reusable.has(m.replyToId))
    .map((m) => m.id);
  return {
    conversation,
    records,
    approvable,
    approvedByQuestion: await approvedAnswersByQuestion(db, session.shop, questionIds),
  };
};

// The merchant's review actions; each is scoped to the authenticated shop.
export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const form = await request.formData();
  const field = (name: string) => String(form.get(name) ?? "");
  switch (field("action")) {
    case "relabel":
      return { ok: await relabelMessage(db, session.shop, field("messageId"), field("intent")) };
    case "approve":
      return { ok: await approveAnswer(db, session.shop, field("messageId"), field("answer")) };
    case "resolve":
      return { ok: await markResolved(db, session.shop, params.id ?? "") };
    default:
      throw new Response("Unknown action", { status: 400 });
  }
};

export default function ConversationDetail() {
  const { conversation, records, approvable, approvedByQuestion } = useLoaderData<typeof loader>();
  const shopper = records.customer?.name ?? (conversation.customerId ? "Logged-in customer" : "Guest");
  return (
    <Page
      backAction={{ content: "Conversations", url: "/app/conversations" }}
      title="Conversation"
      subtitle={`${shopper} · started ${formatDateTimeUtc(conversation.startedAt)}${conversation.csat ? ` · rated ${conversation.csat}/5${conversation.csatComment ? `: “${conversation.csatComment}”` : ""}` : ""}`}
      titleMetadata={
        <Badge tone={conversation.status === "handoff" ? "attention" : undefined}>
          {CONVERSATION_STATUS[conversation.status] ?? conversation.status}
        </Badge>
      }
      primaryAction={
        conversation.status === "resolved" ? undefined : (
          <Form method="post">
            <input type="hidden" name="action" value="resolve" />
            <Button submit>Mark resolved</Button>
          </Form>
        )
      }
    >
      <TitleBar title="Conversation" />
      <Layout>
        <Layout.Section>
          <BlockStack gap="300">
            {conversation.messages.map((message, index) => (
              <MessageCard
                key={message.id}
                message={message}
                previousAt={index > 0 ? conversation.messages[index - 1].createdAt : null}
                approvedAnswer={
                  message.role === "bot" && message.replyToId ? (approvedByQuestion[message.replyToId] ?? null) : null
                }
                approvable={approvable.includes(message.id)}
              />
            ))}
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <InShopify records={records} guest={!conversation.customerId} />
        </Layout.Section>
      </Layout>
    </Page>
  );
}

type Review = "relabel" | "answer" | null;

function MessageCard({
  message,
  previousAt,
  approvedAnswer,
  approvable,
}: {
  message: TranscriptMessage;
  previousAt: string | null;
  approvedAnswer: string | null;
  approvable: boolean;
}) {
  const isShopper = message.role === "shopper";
  const entities = Object.entries(message.entities);
  // The review tools open on demand, one message at a time, so the transcript reads as a conversation.
  const [review, setReview] = useState<Review>(null);
  const toggle = (which: Exclude<Review, null>) => setReview((open) => (open === which ? null : which));
  const corrected = !!message.correctedIntent;
  return (
    <Card background={isShopper ? "bg-surface" : "bg-surface-secondary"}>
      <BlockStack gap="200">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h3" variant="headingSm">
            {isShopper ? "Shopper" : message.role === "agent" ? "Agent" : "Bot"}
          </Text>
          <Text as="span" variant="bodySm" tone="subdued">
            {/* Seconds, and the time since the previous message: fast turns share a second. */}
            {previousAt
              ? `${formatTime(message.createdAt)} · ${formatElapsed(previousAt, message.createdAt)}`
              : formatTime(message.createdAt)}
          </Text>
        </InlineStack>
        <Box>
          <Text as="p" variant="bodyMd">
            <span style={{ whiteSpace: "pre-wrap" }}>{message.text}</span>
          </Text>
        </Box>
        {message.products.length > 0 && (
          <BlockStack gap="100">
            {message.products.map((product, index) => (
              <Text
                as="p"
                variant="bodySm"
                key={index}
              >{`🛍 ${product.title}${product.price ? ` · ${product.price}` : ""}`}</Text>
            ))}
          </BlockStack>
        )}
        <InlineStack gap="200" wrap>
          {message.intent && <Badge tone="info">{`intent: ${intentLabel(message.intent)}`}</Badge>}
          {message.confidence !== null && <Badge>{`confidence: ${(message.confidence * 100).toFixed(0)}%`}</Badge>}
          {isShopper && entities.map(([key, value]) => <Badge key={key}>{`${key}: ${value}`}</Badge>)}
          {!isShopper && message.engine && (
            <Badge
              tone={message.engineNote?.startsWith("fallback") ? "warning" : undefined}
            >{`engine: ${message.engine}`}</Badge>
          )}
          {!isShopper && message.replyKind && REPLY_KIND_BADGES[message.replyKind] && (
            <Badge tone={REPLY_KIND_BADGES[message.replyKind].tone}>{REPLY_KIND_BADGES[message.replyKind].label}</Badge>
          )}
          {!isShopper && message.promptTokens !== null && (
            <Badge>{`${message.promptTokens + (message.completionTokens ?? 0)} tokens`}</Badge>
          )}
          {!isShopper && message.costUsd !== null && <Badge>{`$${message.costUsd.toFixed(4)}`}</Badge>}
          {!isShopper && message.latencyMs !== null && <Badge>{`${message.latencyMs} ms`}</Badge>}
          {message.feedback && (
            <Badge tone={message.feedback === "up" ? "success" : "critical"}>
              {message.feedback === "up" ? "👍 helpful" : "👎 not helpful"}
            </Badge>
          )}
          {corrected && <Badge tone="success">{`relabelled: ${intentLabel(message.correctedIntent ?? "")}`}</Badge>}
          {approvedAnswer && <Badge tone="success">{`Approved answer: ${approvedAnswer.slice(0, 80)}`}</Badge>}
        </InlineStack>
        {!isShopper && message.engineNote && (
          <Text as="p" variant="bodySm" tone="subdued">
            Why this engine: {message.engineNote}
          </Text>
        )}
        {message.lookups.length > 0 && (
          <Text as="p" variant="bodySm" tone="subdued">
            Looked up: {message.lookups.map((l) => `${l.kind} ${l.ref} (${l.outcome})`).join("; ")}
          </Text>
        )}
        {(isShopper || (message.role === "bot" && approvable && !approvedAnswer)) && (
          <InlineStack gap="300">
            {isShopper && (
              <Button
                variant="plain"
                onClick={() => toggle("relabel")}
                ariaExpanded={review === "relabel"}
                ariaControls={`relabel-${message.id}`}
              >
                {corrected ? "Change the intent label" : "Correct the intent"}
              </Button>
            )}
            {message.role === "bot" && (
              <Button
                variant="plain"
                onClick={() => toggle("answer")}
                ariaExpanded={review === "answer"}
                ariaControls={`answer-${message.id}`}
              >
                Write a better answer
              </Button>
            )}
          </InlineStack>
        )}
        {review === "relabel" && (
          <div id={`relabel-${message.id}`}>
            <RelabelForm
              messageId={message.id}
              predicted={message.intent}
              current={message.correctedIntent ?? message.intent}
              onDone={() => setReview(null)}
            />
          </div>
        )}
        {review === "answer" && (
          <div id={`answer-${message.id}`}>
            <ApproveForm messageId={message.id} onDone={() => setReview(null)} />
          </div>
        )}
      </BlockStack>
    </Card>
  );
}

/** Closes its form once the action it submitted has succeeded (the transcript then shows the result). */
function useDoneWhenSaved(fetcher: { state: string; data?: unknown }, onDone: () => void) {
  useEffect(() => {
    if (fetcher.state === "idle" && (fetcher.data as { ok?: boolean } | undefined)?.ok) onDone();
  }, [fetcher.state, fetcher.data, onDone]);
}

function RelabelForm({
  messageId,
  predicted,
  current,
  onDone,
}: {
  messageId: string;
  predicted: string | null;
  current: string | null;
  onDone: () => void;
}) {
  const fetcher = useFetcher<typeof action>();
  const [intent, setIntent] = useState(current ?? "out_of_scope");
  useDoneWhenSaved(fetcher, onDone);
  return (
    <fetcher.Form method="post">
      <input type="hidden" name="action" value="relabel" />
      <input type="hidden" name="messageId" value={messageId} />
      <input type="hidden" name="intent" value={intent} />
      <InlineStack gap="200" blockAlign="end">
        <Select
          label="Correct intent"
          options={INTENTS.map((i) => ({
            label: i === predicted ? `${intentLabel(i)} (the bot's)` : intentLabel(i),
            value: i,
          }))}
          value={intent}
          onChange={setIntent}
        />
        {/* The label it already has would change nothing. */}
        <Button submit variant="primary" disabled={intent === current} loading={fetcher.state !== "idle"}>
          Relabel
        </Button>
        <Button onClick={onDone}>Cancel</Button>
      </InlineStack>
    </fetcher.Form>
  );
}

function ApproveForm({ messageId, onDone }: { messageId: string; onDone: () => void }) {
  const fetcher = useFetcher<typeof action>();
  const [answer, setAnswer] = useState("");
  useDoneWhenSaved(fetcher, onDone);
  return (
    <fetcher.Form method="post">
      <input type="hidden" name="action" value="approve" />
      <input type="hidden" name="messageId" value={messageId} />
      <input type="hidden" name="answer" value={answer} />
      <BlockStack gap="200">
        <TextField
          label="The answer the bot should have given"
          value={answer}
          onChange={setAnswer}
          multiline={2}
          autoComplete="off"
        />
        <InlineStack gap="200">
          <Button submit variant="primary" disabled={!answer.trim()} loading={fetcher.state !== "idle"}>
            Save answer
          </Button>
          <Button onClick={onDone}>Cancel</Button>
        </InlineStack>
      </BlockStack>
    </fetcher.Form>
  );
}

export function ErrorBoundary() {
  return (
    <NotFoundBoundary title="Conversation not found" back={{ content: "Conversations", url: "/app/conversations" }} />
  );
}
