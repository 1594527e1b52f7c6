import { Badge } from "@shopify/polaris";

/** A hand-off ticket's status as the inbox and the ticket page show it. */
export function TicketStatusBadge({ status }: { status: string }) {
  if (status === "open") return <Badge tone="attention">Open</Badge>;
  if (status === "replied") return <Badge tone="success">Replied</Badge>;
  return <Badge>Closed</Badge>;
}
