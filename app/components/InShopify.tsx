import { BlockStack, Card, InlineStack, Link, Text } from "@shopify/polaris";
import type { ShopifyRecords } from "../admin/shopify-links.server";

/** The customer and orders behind the conversation, each a link to its page in the Shopify admin. */
export function InShopify({ records, guest }: { records: ShopifyRecords; guest: boolean }) {
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          In Shopify
        </Text>
        <BlockStack gap="100">
          <Text as="h3" variant="headingSm">
            Customer
          </Text>
          {records.customer ? (
            <>
              <Link url={records.customer.url} target="_top">
                {records.customer.name}
              </Link>
              {records.customer.email && (
                <Text as="p" variant="bodySm" tone="subdued">
                  {records.customer.email}
                </Text>
              )}
            </>
          ) : (
            <Text as="p" tone="subdued">
              {guest ? "A guest (not logged in)" : "A logged-in customer Shopify couldn't name right now"}
            </Text>
          )}
        </BlockStack>
        <BlockStack gap="100">
          <Text as="h3" variant="headingSm">
            Orders mentioned
          </Text>
          {records.orders.length === 0 ? (
            <Text as="p" tone="subdued">
              None
            </Text>
          ) : (
            <InlineStack gap="300" wrap>
              {records.orders.map((order) =>
                order.url ? (
                  <Link key={order.name} url={order.url} target="_top">
                    {`Order ${order.name}`}
                  </Link>
                ) : (
                  <Text as="span" key={order.name} tone="subdued">
                    {`${order.name} (no such order)`}
                  </Text>
                ),
              )}
            </InlineStack>
          )}
        </BlockStack>
      </BlockStack>
    </Card>
  );
}
