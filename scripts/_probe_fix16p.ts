import { createDemoStore, loadDemoSnapshot } from "../demo/demo-store";
import { devStorePath } from "../demo/dev-stores";
import { demoConversation } from "../tests/helpers/chat-context";
const convs: [string | null, string[]][] = JSON.parse(process.argv[2]);
for (const [store, msgs] of convs) {
  const say = await demoConversation(store ? { store: createDemoStore(loadDemoSnapshot(devStorePath(store as any))) } : {});
  for (const m of msgs) {
    const r = await say(m);
    console.log(`> ${m}\n  [${r.intent}] ${r.text.slice(0, 220).replace(/\n/g, " ")} | products: ${(r.products ?? []).map((p: any) => p.title).join(", ")}`);
  }
  console.log("---");
}
