import fs from "node:fs";
import autocannon from "autocannon";
import { startBenchServer } from "./bench-server";
import { chatRequests, startConversations } from "./bench-http";
const s = await startBenchServer({ engine: "sqlite" });
const convs = await startConversations(s, 50);
await new Promise((res) => autocannon({ url: s.url, connections: 50, duration: 8, requests: chatRequests(s, convs) }, res));
const smaps = fs.readFileSync(`/proc/${s.child.pid}/smaps`, "utf8").split("\n");
const maps: { name: string; rss: number; size: number }[] = [];
let cur: { name: string; rss: number; size: number } | null = null;
for (const line of smaps) {
  const head = line.match(/^([0-9a-f]+)-([0-9a-f]+) \S+ \S+ \S+ \S+\s*(.*)$/);
  if (head) { cur = { name: head[3] || "[anon]", rss: 0, size: (parseInt(head[2], 16) - parseInt(head[1], 16)) / 1024 }; maps.push(cur); continue; }
  const rss = line.match(/^Rss:\s+(\d+)/); if (rss && cur) cur.rss = Number(rss[1]);
}
const by = new Map<string, number>(); for (const m of maps) by.set(m.name, (by.get(m.name) ?? 0) + m.rss);
console.log([...by].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, v]) => `${(v / 1024).toFixed(1)} MB ${k}`).join("\n"));
console.log("largest anon:", maps.filter((m) => m.name === "[anon]").sort((a, b) => b.rss - a.rss).slice(0, 8).map((m) => `${(m.rss / 1024).toFixed(1)}/${(m.size / 1024).toFixed(0)}MB`).join(" "));
await s.stop();
