import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { Badge, BlockStack, Box, Button, Card, InlineStack, Layout, Page, Select, Text, TextField } from "@shopify/polaris";
import { TitleBar } from "@shopify/app-bridge-react";
import db from "../db.server";
import { authenticate } from "../shopify.server";
import { getConversationDetail, type TranscriptMessage } from "../admin/conversations.server";
import { approveAnswer, approvedAnswersByQuestion, markResolved, relabelMessage } from "../admin/training.server";
import { INTENTS, intentLabel } from "../chat/intent/labels";
import { formatDateTimeUtc, formatTime } from "../components/time";
import { NotFoundBoundary } from "../components/NotFound";
import { isReusableQuestion } from "../chat/approved-answers";

const CONVERSATION_STATUS: Record<string, string> = { open: "Open", handoff: "Needs a person", resolved: "Resolved" };

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const conversation = await getConversationDetail(db, session.shop, params.id ?? "");
  if (!conversation) throw new Response("Conversation not found", { status: 404 });
  const questionIds = conversation.messages.filter((m) => m.role === "shopper").map((m) => m.id);
  // Replies whose question can carry an approved answer ("yes" or "ok" can't: it would answer every "yes").
  const reusable = new Set(conversation.messages.filter((m) => m.role === "shopper" && isReusableQuestion(m.text)).map((m) => m.id));
  const approvable = conversation.messages.filter((m) => m.role === "bot" && m.replyToId && reusable.has(m.replyToId)).map((m) => m.id);
  return { conversation, approvable, approvedByQuestion: await approvedAnswersByQuestion(db, session.shop, questionIds) };
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
  const { conversation, approvable, approvedByQuestion } = useLoaderData<typeof loader>();
  return (
    <Page
      backAction={{ content: "Conversations", url: "/app/conversations" }}
      title="Conversation"
      subtitle={`${conversation.customerId ? "Logged-in customer" : "Guest"} · started ${formatDateTimeUtc(conversation.startedAt)}${conversation.csat ? ` · rated ${conversation.csat}/5${conversation.csatComment ? `: “${conversation.csatComment}”` : ""}` : ""}`}
      titleMetadata={<Badge tone={conversation.status === "handoff" ? "attention" : undefined}>{CONVERSATION_STATUS[conversation.status] ?? conversation.status}</Badge>}
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
            {conversation.messages.map((message) => (
              <MessageCard
                key={message.id}
                message={message}
                approvedAnswer={message.role === "bot" && message.replyToId ? (approvedByQuestion[message.replyToId] ?? null) : null}
                approvable={approvable.includes(message.id)}
              />
            ))}
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

function MessageCard({ message, approvedAnswer, approvable }: { message: TranscriptMessage; approvedAnswer: string | null; approvable: boolean }) {
  const isShopper = message.role === "shopper";
  const entities = Object.entries(message.entities);
  return (
    <Card background={isShopper ? "bg-surface" : "bg-surface-secondary"}>
      <BlockStack gap="200">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h3" variant="headingSm">
            {isShopper ? "Shopper" : message.role === "agent" ? "Agent" : "Bot"}
          </Text>
          <Text as="span" variant="bodySm" tone="subdued">
            {formatTime(message.createdAt)}
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
              <Text as="p" variant="bodySm" key={index}>{`🛍 ${product.title}${product.price ? ` · ${product.price}` : ""}`}</Text>
            ))}
          </BlockStack>
        )}
        <InlineStack gap="200" wrap>
          {message.intent && <Badge tone="info">{`intent: ${intentLabel(message.intent)}`}</Badge>}
          {message.confidence !== null && <Badge>{`confidence: ${(message.confidence * 100).toFixed(0)}%`}</Badge>}
          {isShopper && entities.map(([key, value]) => <Badge key={key}>{`${key}: ${value}`}</Badge>)}
          {!isShopper && message.engine && <Badge tone={message.engineNote?.startsWith("fallback") ? "warning" : undefined}>{`engine: ${message.engine}`}</Badge>}
          {!isShopper && message.promptTokens !== null && <Badge>{`${message.promptTokens + (message.completionTokens ?? 0)} tokens`}</Badge>}
          {!isShopper && message.costUsd !== null && <Badge>{`$${message.costUsd.toFixed(4)}`}</Badge>}
          {!isShopper && message.latencyMs !== null && <Badge>{`${message.latencyMs} ms`}</Badge>}
          {message.feedback && <Badge tone={message.feedback === "up" ? "success" : "critical"}>{message.feedback === "up" ? "👍 helpful" : "👎 not helpful"}</Badge>}
        </InlineStack>
        {!isShopper && message.engineNote && (
          <Text as="p" variant="bodySm" tone="subdued">
            Why this engine: {message.engineNote}
          </Text>
        )}
        {isShopper && <RelabelForm messageId={message.id} current={message.correctedIntent ?? message.intent} corrected={!!message.correctedIntent} />}
        {message.role === "bot" &&
          (approvable || approvedAnswer ? (
            <ApproveForm messageId={message.id} approved={approvedAnswer} />
          ) : (
            <Text as="p" tone="subdued">
              The shopper's message is too short to reuse for an approved answer (it would answer every "yes" or "ok"). Approve an answer on a full question instead.
            </Text>
          ))}
        {message.lookups.length > 0 && (
          <Text as="p" variant="bodySm" tone="subdued">
            Looked up: {message.lookups.map((l) => `${l.kind} ${l.ref} (${l.outcome})`).join("; ")}
          </Text>
        )}
      </BlockStack>
    </Card>
  );
}

function RelabelForm({ messageId, current, corrected }: { messageId: string; current: string | null; corrected: boolean }) {
  const [intent, setIntent] = useState(current ?? "out_of_scope");
  return (
    <Form method="post">
      <input type="hidden" name="action" value="relabel" />
      <input type="hidden" name="messageId" value={messageId} />
      <input type="hidden" name="intent" value={intent} />
      <InlineStack gap="200" blockAlign="end">
        <Select label="Correct intent" options={INTENTS.map((i) => ({ label: intentLabel(i), value: i }))} value={intent} onChange={setIntent} />
        <Button submit>{corrected ? "Update label" : "Relabel"}</Button>
        {corrected && <Badge tone="success">{`relabelled: ${intentLabel(current ?? "")}`}</Badge>}
      </InlineStack>
    </Form>
  );
}

function ApproveForm({ messageId, approved }: { messageId: string; approved: string | null }) {
  const [answer, setAnswer] = useState("");
  if (approved) return <Badge tone="success">{`Approved answer: ${approved.slice(0, 80)}`}</Badge>;
  return (
    <Form method="post">
      <input type="hidden" name="action" value="approve" />
      <input type="hidden" name="messageId" value={messageId} />
      <input type="hidden" name="answer" value={answer} />
      <InlineStack gap="200" blockAlign="end">
        <div style={{ flexGrow: 1 }}>
          <TextField label="The answer the bot should have given" value={answer} onChange={setAnswer} multiline={2} autoComplete="off" />
        </div>
        <Button submit disabled={!answer.trim()}>
          Save answer
        </Button>
      </InlineStack>
    </Form>
  );
}

export function ErrorBoundary() {
  return <NotFoundBoundary title="Conversation not found" back={{ content: "Conversations", url: "/app/conversations" }} />;
}
