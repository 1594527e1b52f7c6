import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Badge, Card, EmptyState, IndexTable, Layout, Page, Text } from "@shopify/polaris";
import { TitleBar } from "@shopify/app-bridge-react";
import db from "../db.server";
import { authenticate } from "../shopify.server";
import { listDataRequests } from "../privacy/data-requests.server";
import { smtpConfigured } from "../notify/mailer.server";
import { DownloadButton } from "../components/DownloadButton";
import { formatDateTimeUtc } from "../components/time";
import { pageTitle } from "../components/title";

export const meta = () => pageTitle("Privacy requests");

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return { requests: await listDataRequests(db, session.shop), emailConfigured: smtpConfigured() };
};

export default function PrivacyRequests() {
  const { requests, emailConfigured } = useLoaderData<typeof loader>();
  return (
    <Page title="Privacy requests">
      <TitleBar title="Privacy requests" />
      <Layout>
        <Layout.Section>
          <Text as="p" tone="subdued">
            {`When a customer asks for their data, Shopify tells the app and it gathers their chat conversations here. Send the file to the customer.${emailConfigured ? " Each export is also emailed to your hand-off email." : ""}`}
          </Text>
        </Layout.Section>
        <Layout.Section>
          <Card padding="0">
            {requests.length === 0 ? (
              <EmptyState heading="No data requests" image="">
                <p>Customers' data requests from Shopify appear here.</p>
              </EmptyState>
            ) : (
              <IndexTable
                resourceName={{ singular: "data request", plural: "data requests" }}
                itemCount={requests.length}
                selectable={false}
                headings={[
                  { title: "Customer" },
                  { title: "Conversations" },
                  { title: "Email" },
                  { title: "Received" },
                  { title: "Export" },
                ]}
              >
                {requests.map((request, index) => (
                  <IndexTable.Row id={request.id} key={request.id} position={index}>
                    <IndexTable.Cell>{request.customerEmail ?? request.customerId ?? "—"}</IndexTable.Cell>
                    <IndexTable.Cell>{request.conversations}</IndexTable.Cell>
                    <IndexTable.Cell>
                      {request.emailedAt ? (
                        <Badge tone="success">{`Sent to ${request.emailedTo}`}</Badge>
                      ) : request.emailError ? (
                        <Badge tone="critical">{request.emailError}</Badge>
                      ) : (
                        <Badge>Not emailed</Badge>
                      )}
                    </IndexTable.Cell>
                    <IndexTable.Cell>{formatDateTimeUtc(request.createdAt)}</IndexTable.Cell>
                    <IndexTable.Cell>
                      <DownloadButton
                        url={`/app/privacy/${request.id}`}
                        filename={`data-request-${request.requestId}.json`}
                      >
                        Download
                      </DownloadButton>
                    </IndexTable.Cell>
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
