import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { useEffect, useState } from "react";
import {
  Badge,
  Banner,
  BlockStack,
  Box,
  Button,
  Card,
  InlineStack,
  Layout,
  Page,
  Text,
  TextField,
} from "@shopify/polaris";
import { TitleBar } from "@shopify/app-bridge-react";
import db from "../db.server";
import { authenticate } from "../shopify.server";
import {
  closeTicket,
  getTicket,
  MAX_REPLY_LENGTH,
  reopenTicket,
  replyToTicket,
  withCustomerNames,
  type EmailOutcome,
} from "../admin/handoffs.server";
import { shopifyRecords } from "../admin/shopify-links.server";
import { createCommerce } from "../commerce/store";
import { InShopify } from "../components/InShopify";
import { smtpConfigured } from "../notify/mailer.server";
import { TicketStatusBadge } from "../components/TicketStatusBadge";
import { formatDateTimeUtc, formatElapsed, formatTime } from "../components/time";
import { NotFoundBoundary } from "../components/NotFound";
import { pageTitle } from "../components/title";

export const meta = () => pageTitle("Hand-off");

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session, admin } = await authenticate.admin(request);
  const detail = await getTicket(db, session.shop, params.id ?? "");
  if (!detail) throw new Response("Hand-off not found", { status: 404 });
  const commerce = createCommerce(admin.graphql);
  const [[named], records] = await Promise.all([
    withCustomerNames(commerce, [detail.ticket]),
    shopifyRecords(commerce, {
      customerId: detail.ticket.customerId,
      orderNumbers: detail.ticket.orderNumber ? [detail.ticket.orderNumber] : [],
    }),
  ]);
  return {
    ...detail,
    ticket: { ...detail.ticket, ...named },
    records,
    emailConfigured: smtpConfigured(),
    maxReplyLength: MAX_REPLY_LENGTH,
  };
};

type ActionResult =
  | { intent: "reply"; ok: true; email: EmailOutcome }
  | { intent: "reply"; ok: false; error: string }
  | { intent: "close" | "reopen"; ok: true };

export const action = async ({ request, params }: ActionFunctionArgs): Promise<ActionResult> => {
  const { session } = await authenticate.admin(request);
  const id = params.id ?? "";
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "reply") {
    const outcome = await replyToTicket(db, session.shop, id, String(form.get("reply") ?? ""));
    if (!outcome) throw new Response("Hand-off not found", { status: 404 });
    return outcome.ok ? { intent, ok: true, email: outcome.email } : { intent, ok: false, error: outcome.error };
  }
  if (intent === "close" || intent === "reopen") {
    const done =
      intent === "close" ? await closeTicket(db, session.shop, id) : await reopenTicket(db, session.shop, id);
    if (!done) throw new Response("Hand-off not found", { status: 404 });
    return { intent, ok: true };
  }
  throw new Response("Unknown action", { status: 400 });
};

const ROLE_LABELS: Record<string, string> = { shopper: "Shopper", bot: "Bot", agent: "Your team" };

function emailNote(email: EmailOutcome): string {
  if (email.status === "sent") return `It was also emailed to ${email.to}.`;
  if (email.status === "failed")
    return `Emailing ${email.to} failed: ${email.error} The shopper still sees the reply in the chat.`;
  if (email.reason === "no_smtp") return "It wasn't emailed: no mail server is set up (SMTP_URL and SMTP_FROM).";
  return "The shopper left no email address, so they'll see it the next time they open the chat.";
}

export default function HandoffDetail() {
  const { ticket, conversation, records, emailConfigured, maxReplyLength } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const submit = useSubmit();
  const busyWith = navigation.state === "submitting" ? navigation.formData?.get("intent") : null;
  const [reply, setReply] = useState("");

  useEffect(() => {
    if (result?.intent === "reply" && result.ok) setReply("");
  }, [result]);

  const emailHelp = !ticket.contactEmail
    ? "The shopper sees your reply in the chat on your store."
    : emailConfigured
      ? `The shopper sees your reply in the chat, and it is emailed to ${ticket.contactEmail}.`
      : `The shopper sees your reply in the chat. Email isn't set up (SMTP_URL, SMTP_FROM), so write to ${ticket.contactEmail} yourself if they may not come back.`;

  return (
    <Page
      backAction={{ content: "Hand-offs", url: "/app/handoffs" }}
      title={ticket.kindLabel}
      subtitle={`${ticket.contact} · ${formatDateTimeUtc(ticket.createdAt)}`}
      titleMetadata={
        <InlineStack gap="200">
          <TicketStatusBadge status={ticket.status} />
          {ticket.shopperWroteBack && (
            <Badge tone="attention" progress="incomplete">
              New message from the shopper
            </Badge>
          )}
        </InlineStack>
      }
      secondaryActions={[
        ticket.status === "closed"
          ? {
              content: "Reopen",
              loading: busyWith === "reopen",
              onAction: () => submit({ intent: "reopen" }, { method: "post" }),
            }
          : {
              content: "Close hand-off",
              loading: busyWith === "close",
              onAction: () => submit({ intent: "close" }, { method: "post" }),
            },
      ]}
    >
      <TitleBar title="Hand-off" />
      <Layout>
        {result?.intent === "reply" && result.ok && (
          <Layout.Section>
            <Banner tone={result.email.status === "failed" ? "warning" : "success"} title="Reply sent">
              <p>The shopper sees it in the chat. {emailNote(result.email)}</p>
            </Banner>
          </Layout.Section>
        )}
        {result && result.intent !== "reply" && (
          <Layout.Section>
            <Banner tone="info">{result.intent === "close" ? "Hand-off closed." : "Hand-off reopened."}</Banner>
          </Layout.Section>
        )}
        <Layout.Section>
          <BlockStack gap="400">
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  Conversation
                </Text>
                {conversation.messages.map((message, index) => (
                  <Box
                    key={message.id}
                    padding="300"
                    borderRadius="200"
                    background={
                      message.role === "shopper"
                        ? "bg-surface-secondary"
                        : message.role === "agent"
                          ? "bg-surface-success"
                          : "bg-surface"
                    }
                    borderColor="border"
                    borderWidth="025"
                  >
                    <BlockStack gap="100">
                      <InlineStack align="space-between" blockAlign="center">
                        <Text as="h3" variant="headingSm">
                          {ROLE_LABELS[message.role] ?? message.role}
                        </Text>
                        <Text as="span" variant="bodySm" tone="subdued">
                          {index === 0
                            ? formatDateTimeUtc(message.createdAt)
                            : `${formatTime(message.createdAt)} · ${formatElapsed(conversation.messages[index - 1].createdAt, message.createdAt)}`}
                        </Text>
                      </InlineStack>
                      <Text as="p" variant="bodyMd">
                        <span style={{ whiteSpace: "pre-wrap" }}>{message.text}</span>
                      </Text>
                    </BlockStack>
                  </Box>
                ))}
              </BlockStack>
            </Card>
            <Card>
              <Form method="post">
                <BlockStack gap="300">
                  <input type="hidden" name="intent" value="reply" />
                  <TextField
                    label={ticket.status === "replied" ? "Send another reply" : "Reply to the shopper"}
                    name="reply"
                    value={reply}
                    onChange={setReply}
                    multiline={5}
                    maxLength={maxReplyLength}
                    autoComplete="off"
                    helpText={emailHelp}
                    error={result?.intent === "reply" && !result.ok ? result.error : undefined}
                  />
                  <InlineStack align="end">
                    <Button submit variant="primary" loading={busyWith === "reply"} disabled={!reply.trim()}>
                      Send reply
                    </Button>
                  </InlineStack>
                </BlockStack>
              </Form>
            </Card>
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">
                Request
              </Text>
              <Text as="p" variant="bodyMd">
                <span style={{ whiteSpace: "pre-wrap" }}>{ticket.summary}</span>
              </Text>
              <Detail label="Reason" value={ticket.reasonLabel} />
              <Detail label="Order" value={ticket.orderNumber ?? "—"} />
              <Detail
                label="Contact"
                value={ticket.contactDetail ? `${ticket.contact} · ${ticket.contactDetail}` : ticket.contact}
              />
              {ticket.repliedAt && <Detail label="Last reply" value={formatDateTimeUtc(ticket.repliedAt)} />}
              {conversation.csat !== null && (
                <Detail
                  label="Shopper's rating"
                  value={`${"★".repeat(conversation.csat)}${"☆".repeat(5 - conversation.csat)} (${conversation.csat}/5)${conversation.csatComment ? ` — “${conversation.csatComment}”` : ""}`}
                />
              )}
              <Button url={`/app/conversations/${conversation.id}`} variant="plain">
                Full conversation details
              </Button>
            </BlockStack>
          </Card>
          <Box paddingBlockStart="400">
            <InShopify records={records} guest={!ticket.customerId} />
          </Box>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

function Detail({ label, value }: { label: string; value: string }) {
  return (
    <BlockStack gap="050">
      <Text as="h3" variant="headingSm">
        {label}
      </Text>
      <Text as="p" variant="bodyMd">
        {value}
      </Text>
    </BlockStack>
  );
}

export function ErrorBoundary() {
  return <NotFoundBoundary title="Ticket not found" back={{ content: "Hand-offs", url: "/app/handoffs" }} />;
}
