/**
 * A product question is answered from that product's own text, in whatever language it is
 * written: the sentence that states the aspect asked (by its unit as well as its words), the
 * option that states it, or "the description doesn't say" — never a sentence that only shares a
 * word with the question, and never another product's fact.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { respond } from "../../app/chat/pipeline";
import type { ChatContext } from "../../app/chat/types";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import { demoChatContext, SNAPSHOT_PATH } from "../helpers/chat-context";

// Made-up descriptions, given to products of the demo snapshot.
const FRENCH = [
  "Housse tissée à la main.",
  "Lavage à la main à 30 °C.",
  "Ne pas mettre au sèche-linge.",
  "Poids : 850 g.",
];
const POCKETS = ["A light layer for town.", "Two zip hand pockets and a hood."];
const VENTS = ["A shell for the mountains.", "Long pit zips for venting."];

let ctx: ChatContext;
let frenchTitle: string;
let pocketsTitle: string;
let optionsTitle: string;
let lightTitle: string;
beforeAll(async () => {
  const snapshot = loadDemoSnapshot(SNAPSHOT_PATH) as any;
  const active = snapshot.products.filter((p: any) => p.status === "ACTIVE" && !p.isGiftCard);
  active[0].description = FRENCH.join(" ");
  active[1].description = POCKETS.join(" ");
  active[2].description = VENTS.join(" ");
  frenchTitle = active[0].title;
  pocketsTitle = active[1].title;
  // A product whose weight only its options give.
  const weighed = active[3];
  weighed.description = "A plain product.";
  weighed.options = [{ name: "Format", values: ["250 g", "1 kg"] }];
  weighed.variants = weighed.variants.slice(0, 2).map((v: any, i: number) => ({
    ...v,
    title: ["250 g", "1 kg"][i],
    selectedOptions: [{ name: "Format", value: ["250 g", "1 kg"][i] }],
  }));
  optionsTitle = weighed.title;
  active[4].description = "A small thing. Weight: 300 g.";
  lightTitle = active[4].title;
  ctx = await demoChatContext(createDemoStore(snapshot));
});

const ask = (text: string) => respond({ text, state: {}, shopper: { customerId: null } }, ctx);

describe("product aspects", () => {
  it("answers an English question about weight from a French sentence with its unit", async () => {
    const out = await ask(`How heavy is the ${frenchTitle}?`);
    expect(out.text).toContain(FRENCH[3]);
    expect(out.text).not.toContain(FRENCH[0]);
  });

  it("quotes both care sentences that say it as clearly, the dryer one included", async () => {
    const out = await ask(`Can I put the ${frenchTitle} in the dryer?`);
    expect(out.text).toContain(FRENCH[2]);
  });

  it("doesn't take 'zip hand pockets' for pit zips: says the text doesn't tell, and borrows no other product's", async () => {
    const out = await ask(`Does the ${pocketsTitle} have pit zips?`);
    expect(out.text).not.toMatch(/: Yes\./);
    expect(out.text).not.toContain(POCKETS[1]);
    expect(out.text).not.toContain(VENTS[1]);
    expect(out.text).toMatch(/doesn't say/);
  });

  it("answers from the options when the description doesn't state the aspect", async () => {
    const out = await ask(`How much does the ${optionsTitle} weigh?`);
    expect(out.text).toContain("Format: 250 g and 1 kg");
  });

  it("says a product named beside a kind we sell, but sold by no one here, isn't found", async () => {
    const out = await ask("Do you have the Zephyrine tent?");
    expect(out.text).toContain("Zephyrine");
    expect(out.text).toMatch(/couldn't find/);
  });

  it("asks a bare mention of another product the aspect just asked about", async () => {
    const first = await ask(`How much does the ${lightTitle} weigh?`);
    expect(first.text).toContain("Weight: 300 g.");
    const next = await respond(
      { text: `and the ${frenchTitle}?`, state: first.state, shopper: { customerId: null } },
      ctx,
    );
    expect(next.text).toContain(FRENCH[3]);
  });
});
