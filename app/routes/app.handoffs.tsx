import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useNavigate, useOutlet } from "@remix-run/react";
import {
  Badge,
  BlockStack,
  Card,
  EmptyState,
  IndexTable,
  InlineStack,
  Layout,
  Page,
  Tabs,
  Text,
} from "@shopify/polaris";
import { TitleBar } from "@shopify/app-bridge-react";
import db from "../db.server";
import { authenticate } from "../shopify.server";
import {
  isTicketStatus,
  listTickets,
  TICKET_PAGE_SIZE,
  ticketCounts,
  withCustomerNames,
} from "../admin/handoffs.server";
import { createCommerce } from "../commerce/store";
import { TicketStatusBadge } from "../components/TicketStatusBadge";
import { formatDateTimeUtc } from "../components/time";
import { listLockedAttempts, type LockedAttempt } from "../chat/verification-store.server";
import { pageTitle } from "../components/title";

const TABS = [
  { id: "open", content: "Open" },
  { id: "replied", content: "Replied" },
  { id: "closed", content: "Closed" },
  { id: "all", content: "All" },
] as const;

export const meta = () => pageTitle("Hand-offs");

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session, admin } = await authenticate.admin(request);
  const params = new URL(request.url).searchParams;
  const requested = params.get("status");
  // The inbox opens on what still needs a reply.
  const status = requested === "all" || isTicketStatus(requested) ? requested : "open";
  const after = params.get("after");
  const [page, counts, locked] = await Promise.all([
    // One more than a page: whether there is a next one.
    listTickets(db, session.shop, status === "all" ? null : status, { after, take: TICKET_PAGE_SIZE + 1 }),
    ticketCounts(db, session.shop),
    listLockedAttempts(db, session.shop),
  ]);
  const tickets = await withCustomerNames(createCommerce(admin.graphql), page.slice(0, TICKET_PAGE_SIZE));
  return {
    status,
    tickets,
    counts,
    locked,
    after,
    nextCursor: page.length > TICKET_PAGE_SIZE ? tickets[tickets.length - 1].id : null,
  };
};

const CLAMP_TWO_LINES = {
  display: "-webkit-box",
  WebkitLineClamp: 2,
  WebkitBoxOrient: "vertical",
  overflow: "hidden",
} as const;

const EMPTY: Record<string, string> = {
  open: "Nothing waiting for your team",
  replied: "No replied hand-offs",
  closed: "No closed hand-offs",
  all: "No hand-offs yet",
};

export default function Handoffs() {
  const { status, tickets, counts, locked, after, nextCursor } = useLoaderData<typeof loader>();
  const navigate = useNavigate();
  // app.handoffs.$id.tsx nests under this route: a ticket's page replaces the list.
  const outlet = useOutlet();
  if (outlet) return outlet;
  const selected = Math.max(
    0,
    TABS.findIndex((tab) => tab.id === status),
  );
  // The tab's name is what it shows ("Open 1"): a different spoken label would not match it.
  const tabs = TABS.map((tab) => ({ ...tab, badge: tab.id === "all" ? undefined : String(counts[tab.id]) }));
  return (
    <Page title="Hand-offs">
      <TitleBar title="Hand-offs" />
      <Layout>
        <Layout.Section>
          <Card padding="0">
            <Tabs
              tabs={tabs}
              selected={selected}
              onSelect={(index) => navigate(`/app/handoffs?status=${TABS[index].id}`)}
            />
            {tickets.length === 0 ? (
              <EmptyState heading={EMPTY[status]} image="">
                <p>
                  When a shopper asks for a person, complains, or asks for something the bot may not do itself, it
                  appears here.
                </p>
              </EmptyState>
            ) : (
              <IndexTable
                resourceName={{ singular: "hand-off", plural: "hand-offs" }}
                itemCount={tickets.length}
                selectable={false}
                pagination={{
                  hasNext: !!nextCursor,
                  onNext: () => navigate(`/app/handoffs?status=${status}&after=${nextCursor}`),
                  hasPrevious: !!after,
                  onPrevious: () => navigate(-1),
                }}
                headings={[
                  { title: "Request" },
                  { title: "Type" },
                  { title: "Order" },
                  { title: "Contact" },
                  { title: "Status" },
                  { title: "Created" },
                ]}
              >
                {tickets.map((ticket, index) => (
                  <IndexTable.Row
                    id={ticket.id}
                    key={ticket.id}
                    position={index}
                    onClick={() => navigate(`/app/handoffs/${ticket.id}`)}
                  >
                    <IndexTable.Cell>
                      {/* Wraps (two lines at most) instead of widening the table past its card. */}
                      <div style={{ maxWidth: "26rem", minWidth: "12rem", whiteSpace: "normal" }}>
                        <BlockStack gap="100">
                          {ticket.shopperWroteBack && (
                            <InlineStack>
                              <Badge tone="attention" progress="incomplete">
                                New message from the shopper
                              </Badge>
                            </InlineStack>
                          )}
                          <span style={CLAMP_TWO_LINES}>
                            <Text
                              as="span"
                              variant="bodyMd"
                              fontWeight={ticket.shopperWroteBack ? "semibold" : undefined}
                            >
                              {ticket.summary}
                            </Text>
                          </span>
                        </BlockStack>
                      </div>
                    </IndexTable.Cell>
                    <IndexTable.Cell>
                      <BlockStack gap="100" inlineAlign="start">
                        <Badge tone={ticket.kind === "complaint" ? "critical" : "info"}>{ticket.kindLabel}</Badge>
                        <Text as="span" variant="bodySm" tone="subdued">
                          {ticket.reasonLabel}
                        </Text>
                      </BlockStack>
                    </IndexTable.Cell>
                    <IndexTable.Cell>{ticket.orderNumber ?? "—"}</IndexTable.Cell>
                    <IndexTable.Cell>
                      <div style={{ whiteSpace: "normal", overflowWrap: "anywhere", minWidth: "10rem" }}>
                        <Text as="span" variant="bodyMd">
                          {ticket.contact}
                        </Text>
                        {ticket.contactDetail && (
                          <Text as="p" variant="bodySm" tone="subdued">
                            {ticket.contactDetail}
                          </Text>
                        )}
                      </div>
                    </IndexTable.Cell>
                    <IndexTable.Cell>
                      <TicketStatusBadge status={ticket.status} />
                    </IndexTable.Cell>
                    <IndexTable.Cell>{formatDateTimeUtc(ticket.createdAt)}</IndexTable.Cell>
                  </IndexTable.Row>
                ))}
              </IndexTable>
            )}
          </Card>
        </Layout.Section>
        {locked.length > 0 && (
          <Layout.Section>
            <LockedLookups locked={locked} />
          </Layout.Section>
        )}
      </Layout>
    </Page>
  );
}

const LOCK_KINDS: Record<string, string> = {
  client: "Shopper's address",
  customer: "Logged-in customer",
  email: "Email",
  order: "Order number",
};

/** Order lookups paused after too many details that didn't match (app/chat/attempts.ts). */
function LockedLookups({ locked }: { locked: LockedAttempt[] }) {
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          Paused order lookups
        </Text>
        <Text as="p" tone="subdued">
          Too many order numbers or emails that didn't match came from these, so the bot looks up no orders for them
          until the time shown (each new pause lasts twice as long). Logged-in customers still see their own orders.
        </Text>
        <IndexTable
          resourceName={{ singular: "paused lookup", plural: "paused lookups" }}
          itemCount={locked.length}
          selectable={false}
          headings={[{ title: "Kind" }, { title: "Who or what" }, { title: "Paused until" }, { title: "Times paused" }]}
        >
          {locked.map((lock, index) => (
            <IndexTable.Row
              id={`${lock.kind}:${lock.label}:${index}`}
              key={`${lock.kind}:${lock.label}:${index}`}
              position={index}
            >
              <IndexTable.Cell>{LOCK_KINDS[lock.kind] ?? lock.kind}</IndexTable.Cell>
              <IndexTable.Cell>{lock.label}</IndexTable.Cell>
              <IndexTable.Cell>{formatDateTimeUtc(lock.lockedUntil)}</IndexTable.Cell>
              <IndexTable.Cell>{lock.locks}</IndexTable.Cell>
            </IndexTable.Row>
          ))}
        </IndexTable>
      </BlockStack>
    </Card>
  );
}
