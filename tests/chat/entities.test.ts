import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { buildCatalog, extractEntities, findOrderNumber } from "../../app/chat/entities";
import { preprocess } from "../../app/chat/preprocess";

const snapshot = JSON.parse(fs.readFileSync("demo/demo-store.json", "utf8"));
const catalog = buildCatalog(snapshot.products);
const entities = (text: string) => extractEntities(preprocess(text), catalog).entities;

describe("entities", () => {
  it("finds order numbers in the ways shoppers write them", () => {
    expect(findOrderNumber("where is #1042?")).toBe("1042");
    expect(findOrderNumber("order number is 1042")).toBe("1042");
    expect(findOrderNumber("Order 1058, email emma@example.com")).toBe("1058");
    expect(findOrderNumber("mi pedido 1051 no llega")).toBe("1051");
    expect(findOrderNumber("1042")).toBe("1042");
  });

  it("does not take prices, sizes or street numbers for order numbers", () => {
    expect(findOrderNumber("any boots under $1000?")).toBeNull();
    expect(findOrderNumber("send it to 3768 Utah St Apt 12")).toBeNull();
    expect(findOrderNumber("do you have it in size 10?")).toBeNull();
  });

  it("reads 'no' as a number sign only with its punctuation, not as a negation", () => {
    expect(findOrderNumber("es Ámsterdam 242, no 240")).toBeNull();
    expect(findOrderNumber("No. 1042 hasn't arrived")).toBe("1042");
    expect(findOrderNumber("order no 1042")).toBe("1042");
  });

  it("extracts the email as written", () => {
    expect(entities("my email is Hannah.Brooks@Example.com.").email).toBe("Hannah.Brooks@Example.com");
  });

  it("matches products by partial or misspelled title, as written", () => {
    const found = extractEntities(preprocess("is the alpine jacket waterproof?"), catalog);
    expect(found.entities.product).toBe("alpine jacket");
    expect(found.productHandle).toMatch(/alpine-shell-jacket/);
    expect(extractEntities(preprocess("does the Ridgback hiking bot run small"), catalog).productHandle).toMatch(
      /ridgeback/,
    );
  });

  it("never matches a DRAFT or ARCHIVED product", () => {
    const hidden = snapshot.products.filter((p: { status: string }) => p.status !== "ACTIVE");
    expect(hidden.length).toBeGreaterThan(0);
    for (const product of hidden) {
      const found = extractEntities(preprocess(`tell me about the ${product.title}`), catalog);
      expect(found.productHandle).not.toBe(product.handle);
    }
  });

  it("extracts quantity, size and colour", () => {
    const e = entities("can I add two more of the alpine jacket in size M, black?");
    expect(e.quantity).toBe("2");
    expect(e.size).toBe("M");
    expect(e.color?.toLowerCase()).toBe("black");
    expect(entities("change it from Moss to Black").color).toBe("Black");
  });
});
