import { useCallback, useEffect, useRef, useState } from "react";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useNavigate, useNavigation, useSearchParams } from "@remix-run/react";
import {
  Badge,
  BlockStack,
  Card,
  ChoiceList,
  EmptySearchResult,
  IndexFilters,
  IndexFiltersMode,
  IndexTable,
  InlineStack,
  Page,
  Text,
  TextField,
  useSetIndexFiltersMode,
  type IndexFiltersProps,
} from "@shopify/polaris";
import { TitleBar } from "@shopify/app-bridge-react";
import db from "../db.server";
import { authenticate } from "../shopify.server";
import { listConversations, parseConversationQuery, type ConversationRow } from "../admin/conversations.server";
import { INTENTS, intentLabel } from "../chat/intent/labels";
import { formatDateTime } from "../components/time";
import { pageTitle } from "../components/title";

export const meta = () => pageTitle("Conversations");

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const query = parseConversationQuery(new URL(request.url).searchParams);
  return { page: await listConversations(db, session.shop, query) };
};

/** The list's state lives in the URL: these are its filter parameters (q, after, before besides). */
const FILTER_KEYS = ["from", "to", "intent", "rating", "handoff", "lowConfidence", "engine"] as const;
type FilterKey = (typeof FILTER_KEYS)[number];

const TABS: { id: string; content: string; params: Partial<Record<FilterKey, string>> }[] = [
  { id: "all", content: "All", params: {} },
  { id: "handoff", content: "Handed off", params: { handoff: "yes" } },
  { id: "thumbs-down", content: "Thumbs down", params: { rating: "down" } },
  { id: "low-confidence", content: "Low confidence", params: { lowConfidence: "yes" } },
];

const ENGINES = [
  { label: "Local model", value: "local" },
  { label: "OpenAI", value: "openai" },
  { label: "None (store unreachable)", value: "none" },
];
const DATE_PRESETS = [
  { label: "Today", value: "1" },
  { label: "Last 7 days", value: "7" },
  { label: "Last 30 days", value: "30" },
  { label: "Last 90 days", value: "90" },
];

const utcDate = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
const integer = new Intl.NumberFormat("en-US");

export default function Conversations() {
  const { page } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const navigation = useNavigation();
  const loading = navigation.state === "loading" && navigation.location?.pathname === "/app/conversations";

  /** Change some parameters and go back to the first page. */
  const update = useCallback(
    (changes: Record<string, string | null>, options: { replace?: boolean } = {}) => {
      const params = new URLSearchParams(searchParams);
      for (const [key, value] of Object.entries(changes)) {
        if (value === null || value === "") params.delete(key);
        else params.set(key, value);
      }
      params.delete("after");
      params.delete("before");
      navigate(`?${params}`, { replace: options.replace, preventScrollReset: true });
    },
    [navigate, searchParams],
  );
  const goToPage = (cursor: { after?: string; before?: string }) => {
    const params = new URLSearchParams(searchParams);
    params.delete("after");
    params.delete("before");
    for (const [key, value] of Object.entries(cursor)) if (value) params.set(key, value);
    navigate(`?${params}`, { preventScrollReset: true });
  };

  // The search box: typed locally, applied to the URL after a pause.
  const [queryValue, setQueryValue] = useState(searchParams.get("q") ?? "");
  const applied = useRef(searchParams.get("q") ?? "");
  useEffect(() => {
    const fromUrl = searchParams.get("q") ?? "";
    if (fromUrl !== applied.current) setQueryValue((applied.current = fromUrl));
  }, [searchParams]);
  useEffect(() => {
    if (queryValue === applied.current) return;
    const timer = setTimeout(() => {
      applied.current = queryValue;
      update({ q: queryValue.trim() || null }, { replace: true });
    }, 350);
    return () => clearTimeout(timer);
  }, [queryValue, update]);

  const value = (key: FilterKey) => searchParams.get(key) ?? "";
  const anyFilter = FILTER_KEYS.some((key) => value(key)) || Boolean(searchParams.get("q"));
  const { mode, setMode } = useSetIndexFiltersMode(anyFilter ? IndexFiltersMode.Filtering : IndexFiltersMode.Default);

  const selectedTab = Math.max(
    0,
    TABS.findIndex((tab) => FILTER_KEYS.every((key) => (tab.params[key] ?? "") === value(key))),
  );
  const onSelectTab = (index: number) => {
    const tab = TABS[index];
    update(Object.fromEntries(FILTER_KEYS.map((key) => [key, tab.params[key] ?? null])));
  };

  const datePreset = DATE_PRESETS.find(
    (preset) => value("from") === utcDate(Number(preset.value) - 1) && !value("to"),
  )?.value;
  const filters: IndexFiltersProps["filters"] = [
    {
      key: "intent",
      label: "Intent",
      pinned: true,
      filter: (
        <ChoiceList
          title="Intent"
          titleHidden
          choices={INTENTS.map((intent) => ({ label: intentLabel(intent), value: intent }))}
          selected={value("intent") ? [value("intent")] : []}
          onChange={([intent]) => update({ intent: intent ?? null })}
        />
      ),
    },
    {
      key: "date",
      label: "Started",
      pinned: true,
      filter: (
        <BlockStack gap="200">
          <ChoiceList
            title="Started"
            titleHidden
            choices={DATE_PRESETS}
            selected={datePreset ? [datePreset] : []}
            onChange={([days]) => update({ from: utcDate(Number(days) - 1), to: null })}
          />
          <TextField
            label="From (UTC)"
            type="date"
            autoComplete="off"
            value={value("from")}
            onChange={(from) => update({ from })}
          />
          <TextField
            label="To (UTC)"
            type="date"
            autoComplete="off"
            value={value("to")}
            onChange={(to) => update({ to })}
          />
        </BlockStack>
      ),
    },
    {
      key: "rating",
      label: "Rating",
      pinned: true,
      filter: (
        <ChoiceList
          title="Rating"
          titleHidden
          choices={[
            { label: "Has a thumbs up", value: "up" },
            { label: "Has a thumbs down", value: "down" },
          ]}
          selected={value("rating") ? [value("rating")] : []}
          onChange={([rating]) => update({ rating: rating ?? null })}
        />
      ),
    },
    {
      key: "handoff",
      label: "Hand-off",
      filter: (
        <ChoiceList
          title="Hand-off"
          titleHidden
          choices={[
            { label: "Handed off to a person", value: "yes" },
            { label: "Handled by the bot alone", value: "no" },
          ]}
          selected={value("handoff") ? [value("handoff")] : []}
          onChange={([handoff]) => update({ handoff: handoff ?? null })}
        />
      ),
    },
    {
      key: "lowConfidence",
      label: "Low confidence",
      filter: (
        <ChoiceList
          title="Low confidence"
          titleHidden
          choices={[
            {
              label:
                "Not understood (confidence < 30%), or a reply that answered nothing (no answer, asked to rephrase, fallback)",
              value: "yes",
            },
          ]}
          selected={value("lowConfidence") ? ["yes"] : []}
          onChange={([flag]) => update({ lowConfidence: flag ?? null })}
        />
      ),
    },
    {
      key: "engine",
      label: "Engine",
      filter: (
        <ChoiceList
          title="Engine"
          titleHidden
          choices={ENGINES}
          selected={value("engine") ? [value("engine")] : []}
          onChange={([engine]) => update({ engine: engine ?? null })}
        />
      ),
    },
  ];

  const appliedFilters: IndexFiltersProps["appliedFilters"] = [];
  if (value("intent"))
    appliedFilters.push({
      key: "intent",
      label: `Intent: ${intentLabel(value("intent"))}`,
      onRemove: () => update({ intent: null }),
    });
  if (value("from") || value("to")) {
    const label = datePreset
      ? DATE_PRESETS.find((p) => p.value === datePreset)!.label
      : [value("from") && `from ${value("from")}`, value("to") && `to ${value("to")}`].filter(Boolean).join(" ");
    appliedFilters.push({ key: "date", label: `Started: ${label}`, onRemove: () => update({ from: null, to: null }) });
  }
  if (value("rating"))
    appliedFilters.push({
      key: "rating",
      label: value("rating") === "up" ? "Has a thumbs up" : "Has a thumbs down",
      onRemove: () => update({ rating: null }),
    });
  if (value("handoff"))
    appliedFilters.push({
      key: "handoff",
      label: value("handoff") === "yes" ? "Handed off" : "Not handed off",
      onRemove: () => update({ handoff: null }),
    });
  if (value("lowConfidence"))
    appliedFilters.push({
      key: "lowConfidence",
      label: "Low confidence or fallback",
      onRemove: () => update({ lowConfidence: null }),
    });
  if (value("engine")) {
    const label = ENGINES.find((e) => e.value === value("engine"))?.label ?? value("engine");
    appliedFilters.push({ key: "engine", label: `Engine: ${label}`, onRemove: () => update({ engine: null }) });
  }

  return (
    <Page
      title="Conversations"
      subtitle={`${integer.format(page.total)} ${page.total === 1 ? "conversation" : "conversations"}${anyFilter ? " match" : ""}`}
      backAction={{ content: "Dashboard", url: "/app" }}
      fullWidth
    >
      <TitleBar title="Conversations" />
      <Card padding="0">
        <IndexFilters
          tabs={TABS.map((tab, index) => ({
            id: tab.id,
            content: tab.content,
            onAction: () => {},
            index,
            isLocked: index === 0,
          }))}
          selected={selectedTab}
          onSelect={onSelectTab}
          queryValue={queryValue}
          queryPlaceholder="Search messages, order numbers, emails"
          onQueryChange={setQueryValue}
          onQueryClear={() => setQueryValue("")}
          filters={filters}
          appliedFilters={appliedFilters}
          onClearAll={() => update(Object.fromEntries(FILTER_KEYS.map((key) => [key, null])))}
          mode={mode}
          setMode={setMode}
          cancelAction={{
            onAction: () => update({ q: null, ...Object.fromEntries(FILTER_KEYS.map((key) => [key, null])) }),
          }}
          loading={loading}
          canCreateNewView={false}
        />
        <IndexTable
          resourceName={{ singular: "conversation", plural: "conversations" }}
          itemCount={page.rows.length}
          selectable={false}
          loading={loading}
          emptyState={
            anyFilter ? (
              <EmptySearchResult
                title="No conversations match"
                description="Try other words or remove a filter."
                withIllustration
              />
            ) : (
              <EmptySearchResult
                title="No conversations yet"
                description="When shoppers chat with the bubble on your storefront, their conversations appear here."
                withIllustration
              />
            )
          }
          headings={[
            { title: "Conversation" },
            { title: "Last intent" },
            { title: "Messages", alignment: "end" },
            { title: "Ratings" },
            { title: "Status" },
            { title: "Last activity (UTC)" },
          ]}
          pagination={{
            hasPrevious: page.hasPrevious,
            hasNext: page.hasNext,
            onPrevious: () => goToPage({ before: page.previousCursor ?? undefined }),
            onNext: () => goToPage({ after: page.nextCursor ?? undefined }),
          }}
        >
          {page.rows.map((row, index) => (
            <ConversationTableRow
              key={row.id}
              row={row}
              index={index}
              onOpen={() => navigate(`/app/conversations/${row.id}`)}
            />
          ))}
        </IndexTable>
      </Card>
    </Page>
  );
}

function ConversationTableRow({ row, index, onOpen }: { row: ConversationRow; index: number; onOpen: () => void }) {
  return (
    <IndexTable.Row id={row.id} position={index} onClick={onOpen}>
      <IndexTable.Cell>
        <BlockStack gap="100">
          <div style={{ maxWidth: "24rem" }}>
            <Text as="span" variant="bodyMd" fontWeight="semibold" truncate>
              {row.firstMessage || "(no message)"}
            </Text>
          </div>
          <Text as="span" variant="bodySm" tone="subdued">
            {`${row.customerId ? "Customer" : "Guest"} · started ${formatDateTime(row.startedAt)}`}
          </Text>
        </BlockStack>
      </IndexTable.Cell>
      <IndexTable.Cell>{row.lastIntent ? <Badge>{intentLabel(row.lastIntent)}</Badge> : "—"}</IndexTable.Cell>
      <IndexTable.Cell>
        <Text as="span" alignment="end" numeric>
          {row.messageCount}
        </Text>
      </IndexTable.Cell>
      <IndexTable.Cell>
        <InlineStack gap="100" wrap={false}>
          {row.thumbsUp > 0 && <Badge tone="success">{`${row.thumbsUp} helpful`}</Badge>}
          {row.thumbsDown > 0 && <Badge tone="critical">{`${row.thumbsDown} not helpful`}</Badge>}
          {row.csat !== null && (
            <Badge
              tone={row.csat >= 4 ? "success" : row.csat <= 2 ? "critical" : undefined}
            >{`CSAT ${row.csat}/5`}</Badge>
          )}
          {row.thumbsUp + row.thumbsDown === 0 && row.csat === null && (
            <Text as="span" tone="subdued">
              —
            </Text>
          )}
        </InlineStack>
      </IndexTable.Cell>
      <IndexTable.Cell>
        <StatusBadge status={row.status} tickets={row.tickets} />
      </IndexTable.Cell>
      <IndexTable.Cell>{formatDateTime(row.lastMessageAt)}</IndexTable.Cell>
    </IndexTable.Row>
  );
}

function StatusBadge({ status, tickets }: { status: string; tickets: number }) {
  if (status === "handoff") return <Badge tone="attention">Needs a person</Badge>;
  if (status === "resolved") return <Badge tone="success">{tickets > 0 ? "Resolved by your team" : "Resolved"}</Badge>;
  if (tickets > 0) return <Badge tone="info">Handed off</Badge>;
  return <Badge>Open</Badge>;
}
