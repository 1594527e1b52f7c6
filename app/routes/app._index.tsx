import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useNavigate, useNavigation, useSearchParams } from "@remix-run/react";
import {
  Badge,
  BlockStack,
  Box,
  Button,
  ButtonGroup,
  Card,
  DataTable,
  InlineGrid,
  InlineStack,
  Page,
  SkeletonBodyText,
  Text,
} from "@shopify/polaris";
import { TitleBar } from "@shopify/app-bridge-react";
import polarisVizStyles from "@shopify/polaris-viz/build/esm/styles.css?url";
import db from "../db.server";
import { authenticate } from "../shopify.server";
import { dashboardFigures, parsePeriodDays, periodOf, type DashboardFigures } from "../admin/analytics.server";
import { listConversations } from "../admin/conversations.server";
import { reasonLabel } from "../admin/handoffs.server";
import { intentLabel } from "../chat/intent/labels";
import { formatDateTimeUtc } from "../components/time";
import { pageTitle } from "../components/title";

// The periods parsePeriodDays accepts (analytics.server is server-only, so not imported here).
const PERIOD_DAYS = [7, 30, 90] as const;

export const links = () => [{ rel: "stylesheet", href: polarisVizStyles }];

export const meta = () => pageTitle("Dashboard");

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const days = parsePeriodDays(new URL(request.url).searchParams.get("period"));
  const [figures, recent] = await Promise.all([
    dashboardFigures(db, session.shop, periodOf(days)),
    listConversations(db, session.shop, { pageSize: 5 }),
  ]);
  const reasons = figures.handoffReasons.map((row) => ({ ...row, label: reasonLabel(row.reason) }));
  return { figures, reasons, recent: recent.rows };
};

// Fixed locale and UTC: the server's and the browser's rendering must agree (hydration), and the
// figures are bucketed by UTC day.
const integer = new Intl.NumberFormat("en-US");
const percent = new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 1 });
const cents = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
const fractionsOfCents = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  minimumFractionDigits: 2,
  maximumFractionDigits: 4,
});
const dollars = { format: (usd: number) => (usd >= 1 || usd === 0 ? cents : fractionsOfCents).format(usd) };
const dayLabel = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
const formatRate = (value: number | null) => (value === null ? "—" : percent.format(value));
const formatMs = (ms: number | null) =>
  ms === null ? "—" : ms < 1000 ? `${integer.format(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
const formatDay = (isoDate: string) => dayLabel.format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));

export default function Dashboard() {
  const { figures, reasons, recent } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const navigation = useNavigation();
  const { volume, resolution, satisfaction, fallbacks, responseTimes, engines, topIntents, perDay, period } = figures;
  const from = period.start.slice(0, 10);
  const listUrl = (extra: Record<string, string> = {}) =>
    `/app/conversations?${new URLSearchParams({ from, ...extra })}`;
  const choosePeriod = (days: number) => {
    const params = new URLSearchParams(searchParams);
    params.set("period", String(days));
    navigate(`?${params}`);
  };

  return (
    <Page
      title="Dashboard"
      subtitle={`Last ${period.days} days · since ${formatDay(period.start)} (UTC)`}
      primaryAction={{ content: "View conversations", url: listUrl() }}
    >
      <TitleBar title="Dashboard" />
      <BlockStack gap="400">
        <InlineStack align="space-between" blockAlign="center">
          <ButtonGroup variant="segmented">
            {PERIOD_DAYS.map((days) => (
              <Button key={days} pressed={period.days === days} onClick={() => choosePeriod(days)}>
                {`Last ${days} days`}
              </Button>
            ))}
          </ButtonGroup>
          {navigation.state === "loading" && (
            <Text as="span" tone="subdued">
              Updating…
            </Text>
          )}
        </InlineStack>

        <InlineGrid columns={{ xs: 1, sm: 2, md: 4 }} gap="400">
          <Metric
            id="conversations"
            title="Conversations"
            value={integer.format(volume.conversations)}
            help="Started in the period"
          />
          <Metric
            id="messages"
            title="Messages"
            value={integer.format(volume.messages)}
            help={`${integer.format(volume.shopperMessages)} from shoppers · ${integer.format(volume.botReplies)} bot replies · ${integer.format(volume.teamReplies)} from your team`}
          />
          <Metric
            id="automated"
            title="Automated resolution"
            value={formatRate(resolution.automatedRate)}
            help={
              resolution.closed === 0
                ? "No closed conversations yet (closed: resolved, or quiet for 24 h)"
                : `${integer.format(resolution.automated)} of ${integer.format(resolution.closed)} closed conversations ended with no hand-off and no thumbs down (closed: resolved, or quiet for 24 h)`
            }
          />
          <Metric
            id="handoff"
            title="Hand-off rate"
            value={formatRate(resolution.handoffRate)}
            help={
              resolution.conversations === 0
                ? "No conversations in this period"
                : `${integer.format(resolution.handedOff)} of ${integer.format(resolution.conversations)} conversations needed a person`
            }
            action={resolution.handedOff > 0 ? { content: "See them", url: listUrl({ handoff: "yes" }) } : undefined}
          />
          <Metric
            id="ratings"
            title="Helpful replies"
            value={formatRate(satisfaction.thumbsUpShare)}
            help={
              satisfaction.thumbsUp + satisfaction.thumbsDown === 0
                ? "No replies rated in this period"
                : `${integer.format(satisfaction.thumbsUp)} thumbs up · ${integer.format(satisfaction.thumbsDown)} thumbs down, on replies`
            }
            action={
              satisfaction.thumbsDown > 0 ? { content: "See thumbs down", url: listUrl({ rating: "down" }) } : undefined
            }
          />
          <Metric
            id="csat"
            title="Customer satisfaction"
            value={satisfaction.csatAverage === null ? "—" : `${satisfaction.csatAverage.toFixed(1)} / 5`}
            help={
              satisfaction.csatResponses === 0
                ? "No ratings at the end of a conversation yet"
                : `${integer.format(satisfaction.csatResponses)} ${satisfaction.csatResponses === 1 ? "rating" : "ratings"} at the end of a conversation`
            }
          />
          <Metric
            id="fallback"
            title="Fallback / low confidence"
            value={formatRate(fallbacks.rate)}
            help={
              fallbacks.shopperMessages === 0
                ? "No shopper messages in this period"
                : `${integer.format(fallbacks.flagged)} of ${integer.format(fallbacks.shopperMessages)} shopper messages: ${integer.format(fallbacks.noAnswers)} without an answer, ${integer.format(fallbacks.clarifications)} asked to rephrase, ${integer.format(fallbacks.lowConfidence)} not understood (confidence < 30%), ${integer.format(fallbacks.fallbackReplies - fallbacks.noAnswers - fallbacks.clarifications)} other fallbacks (store or model unavailable)`
            }
            action={fallbacks.flagged > 0 ? { content: "See them", url: listUrl({ lowConfidence: "yes" }) } : undefined}
          />
          <Metric
            id="response-time"
            title="Response time"
            value={formatMs(responseTimes.medianMs)}
            help={
              responseTimes.replies === 0
                ? "No replies in this period"
                : `Median reply time · 95% of ${integer.format(responseTimes.replies)} replies within ${formatMs(responseTimes.p95Ms)}`
            }
          />
        </InlineGrid>

        <VizProvider>
          <BlockStack gap="400">
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  Conversations per day
                </Text>
                <ConversationsChart perDay={perDay} />
              </BlockStack>
            </Card>

            <InlineGrid columns={{ xs: 1, md: 2 }} gap="400">
              <div style={{ display: "grid" }}>
                <Card>
                  <BlockStack gap="300">
                    <Text as="h2" variant="headingMd">
                      Top intents
                    </Text>
                    {topIntents.length === 0 ? (
                      <Text as="p" tone="subdued">
                        No shopper messages in this period.
                      </Text>
                    ) : (
                      <>
                        <IntentsChart topIntents={topIntents} />
                        <Text as="p" variant="bodySm" tone="subdued">
                          Open the conversations about:
                        </Text>
                        <InlineStack gap="300" wrap>
                          {topIntents.map((row) => (
                            <span key={row.intent} data-top-intent={row.intent} data-count={row.messages}>
                              <Button variant="plain" url={listUrl({ intent: row.intent })}>
                                {`${intentLabel(row.intent)} (${integer.format(row.messages)})`}
                              </Button>
                            </span>
                          ))}
                        </InlineStack>
                      </>
                    )}
                  </BlockStack>
                </Card>
              </div>

              <div style={{ display: "grid" }}>
                <Card>
                  <BlockStack gap="300">
                    <Text as="h2" variant="headingMd">
                      Engines and model cost
                    </Text>
                    <Text as="p" tone="subdued">
                      {`${integer.format(engines.promptTokens + engines.completionTokens)} model tokens, estimated ${dollars.format(engines.costUsd)}`}
                    </Text>
                    {engines.byEngine.length === 0 ? (
                      <Text as="p" tone="subdued">
                        No replies in this period.
                      </Text>
                    ) : (
                      <div data-metric="engines">
                        <DataTable
                          columnContentTypes={["text", "numeric", "numeric", "numeric"]}
                          headings={["Replies by", "Replies", "Tokens in / out", "Est. cost"]}
                          rows={engines.byEngine.map((e) => [
                            ENGINE_LABELS[e.engine] ?? e.engine,
                            integer.format(e.replies),
                            `${integer.format(e.promptTokens)} / ${integer.format(e.completionTokens)}`,
                            dollars.format(e.costUsd),
                          ])}
                          totals={[
                            "",
                            integer.format(engines.byEngine.reduce((sum, e) => sum + e.replies, 0)),
                            `${integer.format(engines.promptTokens)} / ${integer.format(engines.completionTokens)}`,
                            dollars.format(engines.costUsd),
                          ]}
                          showTotalsInFooter
                        />
                      </div>
                    )}
                  </BlockStack>
                </Card>
              </div>
            </InlineGrid>
          </BlockStack>
        </VizProvider>
        <Card>
          <BlockStack gap="300">
            <Text as="h2" variant="headingMd">
              Why conversations went to your team
            </Text>
            {reasons.length === 0 ? (
              <Text as="p" tone="subdued">
                No hand-offs in this period.
              </Text>
            ) : (
              <div data-metric="handoff-reasons">
                <DataTable
                  columnContentTypes={["text", "numeric"]}
                  headings={["Reason", "Hand-offs"]}
                  rows={reasons.map((row) => [row.label, integer.format(row.tickets)])}
                />
              </div>
            )}
          </BlockStack>
        </Card>
        <Card>
          <BlockStack gap="300">
            <InlineStack align="space-between" blockAlign="center">
              <Text as="h2" variant="headingMd">
                Latest conversations
              </Text>
              <Button variant="plain" url="/app/conversations">
                All conversations
              </Button>
            </InlineStack>
            {recent.length === 0 ? (
              <Text as="p" tone="subdued">
                When shoppers chat with the bubble on your storefront, their conversations appear here.
              </Text>
            ) : (
              <BlockStack gap="200">
                {recent.map((row) => (
                  <InlineStack key={row.id} align="space-between" blockAlign="center" gap="300" wrap={false}>
                    <div style={{ minWidth: 0, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" }}>
                      <Button variant="plain" url={`/app/conversations/${row.id}`}>
                        {row.firstMessage || "(no message)"}
                      </Button>
                    </div>
                    <InlineStack gap="200" blockAlign="center" wrap={false}>
                      {row.lastIntent && <Badge>{intentLabel(row.lastIntent)}</Badge>}
                      <Text as="span" variant="bodySm" tone="subdued">
                        {formatDateTimeUtc(row.lastMessageAt)}
                      </Text>
                    </InlineStack>
                  </InlineStack>
                ))}
              </BlockStack>
            )}
          </BlockStack>
        </Card>
        <Box paddingBlockEnd="400" />
      </BlockStack>
    </Page>
  );
}

const ENGINE_LABELS: Record<string, string> = {
  local: "Local model",
  openai: "OpenAI",
  none: "None (store unreachable)",
  unknown: "Unknown",
};

function Metric({
  id,
  title,
  value,
  help,
  action,
}: {
  id: string;
  title: string;
  value: string;
  help: string;
  action?: { content: string; url: string };
}) {
  return (
    // A one-cell grid stretches the card to the row's height, so the cards of a row line up.
    <div data-metric={id} style={{ display: "grid", height: "100%" }}>
      <Card>
        <BlockStack gap="200">
          <Text as="h3" variant="headingSm" tone="subdued">
            {title}
          </Text>
          <Text as="p" variant="heading2xl">
            <span data-value>{value}</span>
          </Text>
          <Text as="p" variant="bodySm" tone="subdued">
            {help}
          </Text>
          {action && (
            <Box>
              <Button variant="plain" url={action.url}>
                {action.content}
              </Button>
            </Box>
          )}
        </BlockStack>
      </Card>
    </div>
  );
}

// polaris-viz reads `navigator` and measures the DOM while rendering, so charts render in the
// browser only: the server sends a skeleton of the same size, and the library loads after hydration.
type PolarisViz = typeof import("@shopify/polaris-viz");
const CHART_HEIGHT = 260;
const VizContext = createContext<PolarisViz | null>(null);
// Straight lines between the days: the default rounded-step curve turns halfway between two days,
// so a day's rise showed before the day it belongs to.
const VIZ_THEMES = { Light: { line: { hasSpline: false } } };

function VizProvider({ children }: { children: ReactNode }) {
  const [viz, setViz] = useState<PolarisViz | null>(null);
  useEffect(() => {
    let live = true;
    import("@shopify/polaris-viz").then((module) => live && setViz(module));
    return () => {
      live = false;
    };
  }, []);
  return <VizContext.Provider value={viz}>{children}</VizContext.Provider>;
}

/**
 * A chart for the eye, its figures as a table for screen readers. polaris-viz makes every point a
 * tab stop with a role ARIA doesn't have, so the drawing is hidden from assistive technology and
 * taken out of the tab order (the mouse still gets its tooltips); the table says the same.
 */
function ChartFrame({
  id,
  children,
  label,
  rows,
  height = CHART_HEIGHT,
}: {
  id: string;
  children: (viz: PolarisViz) => ReactNode;
  label: string;
  rows: [string, string][];
  height?: number;
}) {
  const viz = useContext(VizContext);
  const drawing = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const root = drawing.current;
    if (!root) return;
    const untab = () =>
      root
        .querySelectorAll<HTMLElement>('[tabindex]:not([tabindex="-1"])')
        .forEach((el) => el.setAttribute("tabindex", "-1"));
    untab();
    const observer = new MutationObserver(untab);
    observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ["tabindex"] });
    return () => observer.disconnect();
  }, [viz]);
  return (
    <div data-chart={id}>
      <div ref={drawing} style={{ height }} aria-hidden="true">
        {viz ? (
          <viz.PolarisVizProvider themes={VIZ_THEMES}>{children(viz)}</viz.PolarisVizProvider>
        ) : (
          <SkeletonBodyText lines={8} />
        )}
      </div>
      <Box visuallyHidden>
        <table>
          <caption>{label}</caption>
          <tbody>
            {rows.map(([key, value]) => (
              <tr key={key}>
                <th scope="row">{key}</th>
                <td>{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Box>
    </div>
  );
}

function ConversationsChart({ perDay }: { perDay: DashboardFigures["perDay"] }) {
  const series = [
    { name: "Conversations", data: perDay.map((d) => ({ key: formatDay(d.date), value: d.conversations })) },
  ];
  const total = perDay.reduce((sum, d) => sum + d.conversations, 0);
  return (
    <ChartFrame
      id="per-day"
      label={`Conversations per day: ${total} in ${perDay.length} days`}
      rows={perDay.map((d) => [formatDay(d.date), integer.format(d.conversations)])}
    >
      {(viz) =>
        perDay.length <= 7 ? (
          <viz.BarChart data={series} showLegend={false} />
        ) : (
          <viz.LineChart data={series} showLegend={false} />
        )
      }
    </ChartFrame>
  );
}

function IntentsChart({ topIntents }: { topIntents: DashboardFigures["topIntents"] }) {
  const series = [
    { name: "Messages", data: topIntents.map((t) => ({ key: intentLabel(t.intent), value: t.messages })) },
  ];
  return (
    <ChartFrame
      id="top-intents"
      height={Math.max(120, topIntents.length * 36)}
      label="Top intents: shopper messages"
      rows={topIntents.map((t) => [intentLabel(t.intent), integer.format(t.messages)])}
    >
      {(viz) => <viz.BarChart data={series} direction="horizontal" showLegend={false} xAxisOptions={{ hide: true }} />}
    </ChartFrame>
  );
}
