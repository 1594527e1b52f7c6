import { it } from "vitest";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import { devStorePath } from "../../demo/dev-stores";
import { demoConversation } from "../../tests/helpers/chat-context";
it("dbg", async () => {
  const store = process.env.STORE;
  const say = await demoConversation(store ? { store: createDemoStore(loadDemoSnapshot(devStorePath(store))) } : {});
  for (const m of (process.env.MSGS ?? "").split("|")) {
    const o = await say(m);
    console.log(">>", m, "\n  [", o.intent, "]", o.text, "\n  state:", JSON.stringify(o.state).slice(0, 400));
  }
});
