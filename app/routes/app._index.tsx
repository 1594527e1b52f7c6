import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useNavigate, useSearchParams } from "@remix-run/react";
import { Badge, BlockStack, Card, EmptyState, IndexTable, InlineStack, Layout, Page, Text } from "@shopify/polaris";
import { TitleBar } from "@shopify/app-bridge-react";
import db from "../db.server";
import { authenticate } from "../shopify.server";
import { engineUsage, listConversations } from "../admin/conversations.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const page = Math.max(1, Number(new URL(request.url).searchParams.get("page")) || 1);
  const [list, usage] = await Promise.all([listConversations(db, session.shop, page), engineUsage(db, session.shop)]);
  return { page, usage, ...list };
};

export default function Conversations() {
  const { rows, page, hasNext, usage } = useLoaderData<typeof loader>();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const goToPage = (next: number) => {
    const params = new URLSearchParams(searchParams);
    params.set("page", String(next));
    navigate(`?${params}`);
  };

  return (
    <Page title="Conversations">
      <TitleBar title="Conversations" />
      <Layout>
        <Layout.Section>
          <Card>
            <InlineStack gap="400" wrap>
              {usage.byEngine.map((row) => (
                <Text key={row.engine} as="span" variant="bodyMd">
                  {`Replies by ${row.engine}: ${row.replies}`}
                </Text>
              ))}
              <Text as="span" variant="bodyMd" tone="subdued">
                {`Model tokens: ${usage.promptTokens + usage.completionTokens} · estimated cost $${usage.costUsd.toFixed(2)}`}
              </Text>
            </InlineStack>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <Card padding="0">
            {rows.length === 0 ? (
              <EmptyState heading="No conversations yet" image="">
                <p>When shoppers chat with the bubble on your storefront, their conversations appear here.</p>
              </EmptyState>
            ) : (
              <IndexTable
                resourceName={{ singular: "conversation", plural: "conversations" }}
                itemCount={rows.length}
                selectable={false}
                headings={[{ title: "First message" }, { title: "Intent" }, { title: "Messages" }, { title: "Status" }, { title: "Last activity" }]}
                pagination={{
                  hasPrevious: page > 1,
                  hasNext,
                  onPrevious: () => goToPage(page - 1),
                  onNext: () => goToPage(page + 1),
                }}
              >
                {rows.map((row, index) => (
                  <IndexTable.Row id={row.id} key={row.id} position={index} onClick={() => navigate(`/app/conversations/${row.id}`)}>
                    <IndexTable.Cell>
                      <BlockStack gap="100">
                        <Text as="span" variant="bodyMd" fontWeight="semibold" truncate>
                          {row.firstMessage || "(no message)"}
                        </Text>
                        <Text as="span" variant="bodySm" tone="subdued">
                          {row.customerId ? "Logged-in customer" : "Guest"}
                        </Text>
                      </BlockStack>
                    </IndexTable.Cell>
                    <IndexTable.Cell>{row.lastIntent ? <Badge>{row.lastIntent}</Badge> : "—"}</IndexTable.Cell>
                    <IndexTable.Cell>{row.messageCount}</IndexTable.Cell>
                    <IndexTable.Cell>
                      <StatusBadge status={row.status} thumbsDown={row.thumbsDown} />
                    </IndexTable.Cell>
                    <IndexTable.Cell>{new Date(row.lastMessageAt).toLocaleString()}</IndexTable.Cell>
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

function StatusBadge({ status, thumbsDown }: { status: string; thumbsDown: number }) {
  if (thumbsDown > 0) return <Badge tone="critical">{`${thumbsDown} 👎`}</Badge>;
  if (status === "handoff") return <Badge tone="attention">Needs a person</Badge>;
  if (status === "resolved") return <Badge tone="success">Resolved</Badge>;
  return <Badge>Open</Badge>;
}
