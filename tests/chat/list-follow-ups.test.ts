/**
 * A follow-up right after a list of products ("how much?", "what colours?", "in plum, size S?") is
 * about one of the listed products: the one with the values asked for, or else the best match.
 */
import { describe, expect, it } from "vitest";
import { buildCatalog } from "../../app/chat/entities";
import { productByPosition, productFromList } from "../../app/chat/references";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import { devStorePath } from "../../demo/dev-stores";
import { demoConversation, SNAPSHOT_PATH } from "../helpers/chat-context";

const northwind = loadDemoSnapshot(SNAPSHOT_PATH);
const catalog = buildCatalog(northwind.products);
const handleOf = (title: string) => northwind.products.find((p: any) => p.title === title)!.handle;
const crew = handleOf("Women's Merino 200 Crew");
const bottoms = handleOf("Merino 200 Bottoms");
const listed = { shownProducts: [bottoms, crew], lastIntent: "product_search" as const };

describe("a follow-up to a list of products", () => {
  it("picks the listed product that has the colour asked for", () => {
    expect(productFromList("in plum size S?", catalog, listed, { color: "plum", size: "S" }, "en")).toBe(crew);
  });

  it("picks the listed product that comes in an option value the message names without an entity for it", () => {
    const bags = ["Campfire 40°F Synthetic Sleeping Bag", "Aurora 0°F Down Sleeping Bag"].map(handleOf);
    const state = { shownProducts: bags, lastIntent: "product_search" as const };
    // Only the Aurora comes in a Long length.
    expect(productFromList("how much is that one in long?", catalog, state, {}, "en")).toBe(bags[1]);
  });

  it("picks the product at the place in the list a message points to, in en/es/fr", () => {
    const tents = ["Ridgeline 1 Solo Tent", "Basecamp 4 Family Tent", "Ridgeline 2 Backpacking Tent"].map(handleOf);
    const state = { shownProducts: tents, lastIntent: "product_search" as const };
    expect(productByPosition("how much is the second one?", state)).toBe(tents[1]);
    expect(productByPosition("¿y el primero viene con estacas?", state)).toBe(tents[0]);
    expect(productByPosition("la dernière, elle pèse combien ?", state)).toBe(tents[2]);
    // The shopper's own orders, or a first-order code, are not places in the list.
    expect(productByPosition("is WELCOME10 for the first order only?", state)).toBeNull();
    expect(productByPosition("¿dónde está mi último pedido?", state)).toBeNull();
    expect(
      productByPosition("how much is the second one?", { ...state, lastIntent: "track_order" as const }),
    ).toBeNull();
  });

  it("answers the listed product a place points to, and what was asked of it", async () => {
    const say = await demoConversation({
      store: createDemoStore(loadDemoSnapshot(devStorePath("maison-coquelicot"))),
    });
    const list = await say("vous avez des bougies ?");
    const second = list.products![1].title;
    const reply = await say("la deuxième, elle sent quoi ?");
    expect(reply.text.startsWith(second)).toBe(true);
    expect(reply.text).toMatch(/Notes de/);
  });

  it("reads a bare price or options question as about the list's best match", () => {
    expect(productFromList("what colors?", catalog, listed, {}, "en")).toBe(bottoms);
    expect(productFromList("how much?", catalog, listed, {}, "en")).toBe(bottoms);
  });

  it("picks the listed product the message's words tell apart", () => {
    const tents = ["Ridgeline 1 Solo Tent", "Basecamp 4 Family Tent", "Ridgeline 2 Backpacking Tent"].map(handleOf);
    const state = { shownProducts: tents, lastIntent: "product_search" as const };
    expect(productFromList("the 4 person one, how much is it?", catalog, state, {}, "en")).toBe(tents[1]);
  });

  it("picks none for a new search naming a kind of thing the shop sells", () => {
    expect(productFromList("do you have any tents?", catalog, listed, {}, "en")).toBeNull();
    expect(productFromList("how much are the jackets?", catalog, listed, {}, "en")).toBeNull();
  });

  it("picks none for a comparison, a question about something else, or once a product is under discussion", () => {
    expect(productFromList("which one is cheaper?", catalog, listed, {}, "en")).toBeNull();
    expect(productFromList("thanks, bye", catalog, listed, {}, "en")).toBeNull();
    expect(productFromList("how much?", catalog, { ...listed, productHandle: crew }, {}, "en")).toBeNull();
    expect(productFromList("how much?", catalog, { ...listed, lastIntent: "track_order" }, {}, "en")).toBeNull();
  });
});

describe("conversations after a search", () => {
  it("answers the price of the first tent listed for two people, the 2-person one", async () => {
    const say = await demoConversation();
    const list = await say("Do you have a tent for two people?");
    expect(list.products?.[0].title).toBe("Ridgeline 2 Backpacking Tent");
    const price = await say("how much is it?");
    expect(price.intent).toBe("product_info");
    expect(price.text).toContain("Ridgeline 2 Backpacking Tent");
    expect(price.text).toContain("359");
  });

  it("answers the variant asked of the listed product that has it", async () => {
    const say = await demoConversation();
    await say("Do you have merino base layers for women?");
    const colours = await say("what colors?");
    expect(colours.intent).toBe("product_info");
    expect(colours.text).toMatch(/Plum/);
    const variant = await say("in plum size S?");
    expect(variant.text).toContain("S / Plum is in stock");
  });

  it("a list replaces the product discussed before it", async () => {
    const say = await demoConversation();
    await say("How much is the Headlamp 400?");
    const list = await say("Do you have a tent for two people?");
    expect(list.state.productHandle).toBeUndefined();
    const price = await say("how much is it?");
    expect(price.text).toMatch(/^Ridgeline 2 Backpacking Tent:/);
  });

  it("reads a bare 'how much?' after one product found as its price", async () => {
    const say = await demoConversation();
    await say("Do you have a headlamp?");
    const price = await say("how much?");
    expect(price.intent).toBe("product_info");
    expect(price.text).toContain("$44.00");
  });
});

describe("follow-ups about the product under discussion, in the shop's languages", () => {
  const storeOf = (name: string) => createDemoStore(loadDemoSnapshot(devStorePath(name)));

  it("reads another colour and a bare price as about it, whatever they resemble", async () => {
    const say = await demoConversation({ store: storeOf("cafe-colibri") });
    await say("¿El gotero V60 negro está disponible?");
    const white = await say("¿y en blanco?");
    expect(white.intent).toBe("product_info");
    expect(white.text).toMatch(/Blanco está disponible/);
    const price = await say("¿cuánto cuesta?");
    expect(price.intent).toBe("product_info");
    expect(price.text).toContain("$560.00");
  });

  it("answers the price of a kind of thing the shop sells from the product, not the FAQ", async () => {
    const say = await demoConversation({ store: storeOf("cafe-colibri") });
    const price = await say("¿Cuánto cuesta la báscula digital?");
    expect(price.text).toContain("$790.00");
  });

  it("reads an aspect asked without naming the product as about it", async () => {
    const say = await demoConversation({ store: storeOf("maison-coquelicot") });
    await say("Avez-vous des mugs ?");
    const size = await say("il fait quelle contenance ?");
    expect(size.intent).toBe("product_info");
    expect(size.text).toContain("35 cl");
  });
});

describe("the cheapest of the products in question, and bare sizes", () => {
  it("answers 'which one is the cheapest?' with the cheapest listed product", async () => {
    const say = await demoConversation();
    await say("do you have any waterproof jackets?");
    const cheapest = await say("which one is the cheapest?");
    expect(cheapest.text).toMatch(/^Cascade Rain Jacket: It's \$119\.00/);
  });

  it("answers 'laquelle est la moins chère ?' among the two products just compared", async () => {
    const say = await demoConversation({ store: createDemoStore(loadDemoSnapshot(devStorePath("maison-coquelicot"))) });
    await say("Quelle est la différence entre la bougie Figuier et la bougie Bois d'hiver ?");
    const cheapest = await say("laquelle est la moins chère ?");
    expect(cheapest.text).toMatch(/36,00\s€/);
    expect(cheapest.text).not.toMatch(/48,00\s€/);
  });

  it("reads 'size M?' after a product question as that size of it, and 'sizes' as no size", async () => {
    const say = await demoConversation();
    await say("Is the Cascade Rain Jacket unisex?");
    const sizes = await say("does it come in women's sizes?");
    expect(sizes.entities.size).toBeUndefined();
    const medium = await say("size M?");
    expect(medium.intent).toBe("product_info");
    expect(medium.text).toContain("M is in stock");
  });
});

describe("the variant asked before", () => {
  it("keeps the size for the next colour, and the colour for the next size, of the same product", async () => {
    const say = await demoConversation();
    await say("Do you have the men's Alpine Shell Jacket in M?");
    const black = await say("and in black?");
    expect(black.text).toContain("M / Black is out of stock");
    const blue = await say("what about glacier blue?");
    expect(blue.text).toContain("M / Glacier Blue is in stock");
  });

  it("forgets it for another product", async () => {
    const say = await demoConversation();
    await say("Do you have the men's Alpine Shell Jacket in M?");
    const other = await say("Is the Cascade Rain Jacket available in black?");
    expect(other.text).not.toContain("M / Black");
  });
});
