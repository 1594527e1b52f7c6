/**
 * "Quel diamètre fait le panier M ?" … "et le L ?": a bare option value right after an aspect question
 * about the same product asks that aspect of the option named, with its own price and stock.
 */
import { describe, expect, it } from "vitest";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import { devStorePath } from "../../demo/dev-stores";
import { demoConversation } from "../helpers/chat-context";

describe("an aspect asked again of another option", () => {
  it("quotes the description's sentence for the option named next", async () => {
    const say = await demoConversation({
      store: createDemoStore(loadDemoSnapshot(devStorePath("maison-coquelicot"))),
    });
    await say("Quel diamètre fait le panier en osier M ?");
    const large = await say("et le L ?");
    expect(large.intent).toBe("product_info");
    expect(large.text).toContain("L : 40 cm");
    expect(large.text).toMatch(/L est en stock à 59,00/);
  });

  it("asks nothing again when the question asks something of its own", async () => {
    const say = await demoConversation();
    await say("How much does the Summit 30 weigh?");
    const price = await say("how much is it in black?");
    expect(price.text).not.toMatch(/Weight/);
  });

  it("asks nothing again of a value the product doesn't come in", async () => {
    const say = await demoConversation({ store: createDemoStore(loadDemoSnapshot(devStorePath("cafe-colibri"))) });
    await say("¿Cuánto tiempo mantiene caliente el termo Colibrí de 500 ml?");
    const other = await say("¿y el termo de 350 ml?");
    expect(other.text).not.toMatch(/8 horas/);
  });
});
