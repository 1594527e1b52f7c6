/**
 * A shop may describe its products in one language and be asked in another: the description
 * sentence that answers is found through words that mean the same ("microwave" / "microondas").
 */
import { beforeAll, describe, expect, it } from "vitest";
import { respond } from "../../app/chat/pipeline";
import type { ChatContext } from "../../app/chat/types";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import { demoChatContext, SNAPSHOT_PATH } from "../helpers/chat-context";
import { devStorePath } from "../../demo/dev-stores";

const SPANISH = [
  "Hecho a mano con materiales seleccionados.",
  "No apto para microondas ni lavavajillas.",
  "Se entrega en caja de cartón.",
];
const FRENCH = [
  "Fabriqué à la main dans notre atelier.",
  "Formule sans parfum ni colorant.",
  "Livré dans une boîte en carton.",
];

let ctx: ChatContext;
let spanishTitle: string;
let frenchTitle: string;
beforeAll(async () => {
  const snapshot = loadDemoSnapshot(SNAPSHOT_PATH) as any;
  const active = snapshot.products.filter((p: any) => p.status === "ACTIVE");
  active[0].description = SPANISH.join(" ");
  active[1].description = FRENCH.join(" ");
  spanishTitle = active[0].title;
  frenchTitle = active[1].title;
  ctx = await demoChatContext(createDemoStore(snapshot));
});

const ask = (text: string) => respond({ text, state: {}, shopper: { customerId: null } }, ctx);

describe("product questions across languages", () => {
  it("answers an English question from a Spanish description", async () => {
    const out = await ask(`Is the ${spanishTitle} microwave safe?`);
    expect(out.text).toContain(SPANISH[1]);
    expect(out.text).not.toContain(SPANISH[2]);
    // A yes/no question answered by a sentence that says "not": the answer says no first.
    expect(out.text).toMatch(new RegExp(`: No\\. ${SPANISH[1]}`));
  });

  it("says yes first when the sentence that answers a yes/no question says it plainly", async () => {
    const out = await ask(`Est-ce que ${frenchTitle} est fabriqué à la main ?`);
    expect(out.text).toContain(`Oui. ${FRENCH[0]}`);
  });

  it("gives no yes or no to a question that isn't one", async () => {
    const out = await ask(`What is the ${spanishTitle} like in a microwave?`);
    expect(out.text).not.toMatch(/: (?:Yes|No)\. /);
    const french = await ask(`Que faut-il savoir sur ${spanishTitle} et le micro-ondes ?`);
    expect(french.text).not.toMatch(/: (?:Oui|Non)\. /);
  });

  it("meets a grinder's 'clicks of adjustment' in a Spanish 'ajuste de N clics'", async () => {
    const snapshot = loadDemoSnapshot(devStorePath("cafe-colibri")) as any;
    const grinder = snapshot.products.find((p: any) => p.status === "ACTIVE" && /\bclics\b/.test(p.description));
    const colibri = await demoChatContext(createDemoStore(snapshot));
    const out = await respond(
      {
        text: `how many clicks of adjustment does the ${grinder.title} have?`,
        state: {},
        shopper: { customerId: null },
      },
      colibri,
    );
    expect(out.text).toMatch(/\d+ clics/);
  });

  it("answers a Spanish question from a French description", async () => {
    const out = await ask(`¿El ${frenchTitle} tiene perfume?`);
    expect(out.text).toContain(FRENCH[1]);
    expect(out.text).not.toContain(FRENCH[2]);
  });
});

describe("a product named in an unsure question", () => {
  it("is answered from its own description before the shop's general pages", async () => {
    // A shop whose pages also talk about its courses: the course's own description says what to bring.
    const snapshot = loadDemoSnapshot(devStorePath("cafe-colibri")) as any;
    const course = snapshot.products.find((p: any) => p.status === "ACTIVE" && /\bnecesitas\b/i.test(p.description));
    const needs = course.description.split(/(?<=\.)\s+/).find((s: string) => /\bnecesitas\b/i.test(s));
    const colibri = await demoChatContext(createDemoStore(snapshot));
    const out = await respond(
      {
        text: `¿Qué necesito para el curso ${course.title.split(":").pop().trim()}?`,
        state: {},
        shopper: { customerId: null },
      },
      colibri,
    );
    expect(out.text).toContain(needs);
  });
});
