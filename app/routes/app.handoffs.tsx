import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useNavigate } from "@remix-run/react";
import { Badge, Card, EmptyState, IndexTable, Layout, Page, Text } from "@shopify/polaris";
import { TitleBar } from "@shopify/app-bridge-react";
import db from "../db.server";
import { authenticate } from "../shopify.server";
import { listTickets } from "../admin/conversations.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const status = new URL(request.url).searchParams.get("status");
  return { tickets: await listTickets(db, session.shop, status) };
};

const KIND_LABELS: Record<string, string> = {
  handoff: "Wants a person",
  complaint: "Complaint",
  cancel_request: "Cancel order",
  change_request: "Change items",
  address_request: "Change address",
  return_request: "Return",
  reship_request: "Reship",
  invoice_request: "Invoice",
  trace_request: "Carrier trace",
};

export default function Handoffs() {
  const { tickets } = useLoaderData<typeof loader>();
  const navigate = useNavigate();
  return (
    <Page title="Hand-offs">
      <TitleBar title="Hand-offs" />
      <Layout>
        <Layout.Section>
          <Card padding="0">
            {tickets.length === 0 ? (
              <EmptyState heading="Nothing waiting for your team" image="">
                <p>When a shopper asks for a person, complains, or asks for something the bot may not do itself, it appears here.</p>
              </EmptyState>
            ) : (
              <IndexTable
                resourceName={{ singular: "hand-off", plural: "hand-offs" }}
                itemCount={tickets.length}
                selectable={false}
                headings={[{ title: "Request" }, { title: "Type" }, { title: "Order" }, { title: "Contact" }, { title: "Status" }, { title: "Created" }]}
              >
                {tickets.map((ticket, index) => (
                  <IndexTable.Row id={ticket.id} key={ticket.id} position={index} onClick={() => navigate(`/app/conversations/${ticket.conversationId}`)}>
                    <IndexTable.Cell>
                      <Text as="span" variant="bodyMd" truncate>
                        {ticket.summary}
                      </Text>
                    </IndexTable.Cell>
                    <IndexTable.Cell>
                      <Badge tone={ticket.kind === "complaint" ? "critical" : "info"}>{KIND_LABELS[ticket.kind] ?? ticket.kind}</Badge>
                    </IndexTable.Cell>
                    <IndexTable.Cell>{ticket.orderNumber ?? "—"}</IndexTable.Cell>
                    <IndexTable.Cell>{ticket.contactEmail ?? "Logged-in customer"}</IndexTable.Cell>
                    <IndexTable.Cell>
                      <Badge tone={ticket.status === "open" ? "attention" : "success"}>{ticket.status}</Badge>
                    </IndexTable.Cell>
                    <IndexTable.Cell>{new Date(ticket.createdAt).toLocaleString()}</IndexTable.Cell>
                  </IndexTable.Row>
                ))}
              </IndexTable>
            )}
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
