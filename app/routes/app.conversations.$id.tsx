import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Badge, BlockStack, Box, Card, InlineStack, Layout, Page, Text } from "@shopify/polaris";
import { TitleBar } from "@shopify/app-bridge-react";
import db from "../db.server";
import { authenticate } from "../shopify.server";
import { getConversationDetail, type TranscriptMessage } from "../admin/conversations.server";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const conversation = await getConversationDetail(db, session.shop, params.id ?? "");
  if (!conversation) throw new Response("Conversation not found", { status: 404 });
  return { conversation };
};

export default function ConversationDetail() {
  const { conversation } = useLoaderData<typeof loader>();
  return (
    <Page
      backAction={{ content: "Conversations", url: "/app" }}
      title="Conversation"
      subtitle={`${conversation.customerId ? "Logged-in customer" : "Guest"} · started ${new Date(conversation.startedAt).toLocaleString()}`}
      titleMetadata={<Badge>{conversation.status}</Badge>}
    >
      <TitleBar title="Conversation" />
      <Layout>
        <Layout.Section>
          <BlockStack gap="300">
            {conversation.messages.map((message) => (
              <MessageCard key={message.id} message={message} />
            ))}
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

function MessageCard({ message }: { message: TranscriptMessage }) {
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
            {new Date(message.createdAt).toLocaleTimeString()}
          </Text>
        </InlineStack>
        <Box>
          <Text as="p" variant="bodyMd">
            <span style={{ whiteSpace: "pre-wrap" }}>{message.text}</span>
          </Text>
        </Box>
        <InlineStack gap="200" wrap>
          {message.intent && <Badge tone="info">{`intent: ${message.intent}`}</Badge>}
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
        {message.lookups.length > 0 && (
          <Text as="p" variant="bodySm" tone="subdued">
            Looked up: {message.lookups.map((l) => `${l.kind} ${l.ref} (${l.outcome})`).join("; ")}
          </Text>
        )}
      </BlockStack>
    </Card>
  );
}
