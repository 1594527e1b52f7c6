/** Messages naming the shop's own products are product questions, on shops whose words the intent model never saw. */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildCatalog, extractEntities } from "../../app/chat/entities";
import { preprocess } from "../../app/chat/preprocess";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import { demoConversation } from "../helpers/chat-context";

const coquelicot = () => createDemoStore(loadDemoSnapshot(path.resolve("demo/stores/maison-coquelicot.json")));
const colibri = () => createDemoStore(loadDemoSnapshot(path.resolve("demo/stores/cafe-colibri.json")));

async function ask(store: ReturnType<typeof coquelicot>, text: string) {
  return (await demoConversation({ store }))(text);
}

describe("catalog-aware intent", () => {
  it("answers bare product words of the shop's catalog as a product question", async () => {
    for (const text of ["des plaids", "housse de couette", "une nappe", "tablecloth"]) {
      const out = await ask(coquelicot(), text);
      expect(["product_info", "product_search"]).toContain(out.intent);
      expect(out.products?.length ?? 0).toBeGreaterThan(0);
    }
  });

  it("takes a question naming one product for a question about it, and a kind with several for a search", async () => {
    const chiapas = await ask(colibri(), "¿A qué sabe el café Chiapas?");
    expect(chiapas.intent).toBe("product_info");
    expect(chiapas.products?.[0].title).toMatch(/Chiapas/);
    const press = await ask(colibri(), "¿Qué café me recomiendan para prensa francesa?");
    expect(press.intent).toBe("product_search");
    for (const card of press.products ?? []) expect(card.title).toMatch(/^Caf[ée]|Espresso|Muestrario/);
    const soap = await ask(coquelicot(), "¿El jabón de Marsella tiene perfume?");
    expect(soap.intent).toBe("product_info");
    expect(soap.products?.[0].title).toMatch(/^Savon/);
  });

  it("takes a search naming one product for a question about it", async () => {
    const out = await ask(colibri(), "¿Tienen el Geisha de Nayarit?");
    expect(out.intent).toBe("product_info");
    expect(out.products?.[0].title).toMatch(/Geisha/);
  });

  it("leaves orders, payments and greetings alone", async () => {
    expect((await ask(coquelicot(), "Vous acceptez la carte bancaire ?")).intent).toBe("payment_methods");
    expect(
      (await ask(colibri(), "Nunca recibí mi olla de barro. Pedido MX5027-W, mariana.gutierrez@example.mx")).intent,
    ).not.toMatch(/^product/);
    expect((await ask(coquelicot(), "Bonjour !")).intent).toBe("greeting");
  });

  it("does not read two sizes ('140×200 … 200×200') as a product's model number", () => {
    const catalog = buildCatalog(loadDemoSnapshot(path.resolve("demo/stores/maison-coquelicot.json")).products as any);
    const found = extractEntities(
      preprocess("Je voudrais échanger ma housse 140×200 contre une 200×200, comment faire ?"),
      catalog,
    );
    expect(found.entities.product).toBeUndefined();
  });
});
