import {
  Kind,
  NoDeprecatedCustomRule,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type OperationDefinitionNode,
} from "graphql";
import { describe, expect, it } from "vitest";
import { MAX_SINGLE_QUERY_COST, loadAdminSchema, requestedQueryCost } from "../../app/commerce/admin-schema";
import * as documentsModule from "../../app/commerce/documents";
import { MAX_FIRST } from "../../app/commerce/documents";

const schema = loadAdminSchema();

// Every exported string is a document the app sends, so a new one can't skip these checks.
const documents = Object.entries(documentsModule as Record<string, unknown>).filter(
  (entry): entry is [string, string] => typeof entry[1] === "string",
);

function operationOf(document: DocumentNode): OperationDefinitionNode {
  const operations = document.definitions.filter(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  );
  expect(operations).toHaveLength(1);
  return operations[0];
}

describe("Admin GraphQL documents", () => {
  it("finds the app's documents", () => {
    expect(documents.map(([name]) => name)).toEqual(
      expect.arrayContaining(["SHOP_INFO", "ORDER_BY_NAME", "CUSTOMER_ORDERS", "SEARCH_PRODUCTS", "ORDER_CANCEL"]),
    );
  });

  it.each(documents)("%s is one named, tagged operation", (_, source) => {
    expect(source.trimStart().startsWith("#graphql")).toBe(true);
    expect(operationOf(parse(source)).name?.value).toMatch(/^[A-Z]\w+$/);
  });

  it.each(documents)("%s validates against Admin 2026-07 without deprecated fields", (_, source) => {
    const errors = validate(schema, parse(source), [...specifiedRules, NoDeprecatedCustomRule]);
    expect(errors.map((error) => error.message)).toEqual([]);
  });

  it.each(documents)("%s stays under Shopify's single-query cost limit", (_, source) => {
    const document = parse(source);
    const operation = operationOf(document);
    const takesFirst = operation.variableDefinitions?.some((definition) => definition.variable.name.value === "first");
    const maxFirst = (MAX_FIRST as Record<string, number>)[operation.name!.value];
    if (takesFirst) expect(maxFirst, "operations with $first need a MAX_FIRST entry").toBeTypeOf("number");
    expect(requestedQueryCost(schema, document, { first: maxFirst })).toBeLessThanOrEqual(MAX_SINGLE_QUERY_COST);
  });

  it("reports a field the schema doesn't have", () => {
    const errors = validate(schema, parse(`query Broken { shop { name notAShopField } }`));
    expect(errors.map((error) => error.message)).toEqual([expect.stringContaining("notAShopField")]);
  });

  it("reports deprecated fields", () => {
    const document = parse(`query Old($handle: String!) { productByHandle(handle: $handle) { id } }`);
    const errors = validate(schema, document, [NoDeprecatedCustomRule]);
    expect(errors.map((error) => error.message)).toEqual([expect.stringContaining("productByHandle")]);
  });
});

describe("requestedQueryCost", () => {
  it("matches Shopify's documented example (2 + 10 × (1 + 2 + 5 × 1))", () => {
    const document = parse(
      `{ products(first: 10) { edges { node { title variants(first: 5) { edges { node { price } } } } } } }`,
    );
    expect(requestedQueryCost(schema, document)).toBe(82);
  });

  it("takes page sizes from variables and counts mutations as 10", () => {
    const query = parse(`query Q($n: Int!) { orders(first: $n) { nodes { id customer { id } } } }`);
    expect(requestedQueryCost(schema, query, { n: 3 })).toBe(2 + 3 * 2);
    const mutation = parse(
      `mutation M($id: ID!) { orderCancel(orderId: $id, reason: OTHER, restock: true) { job { id } } }`,
    );
    expect(requestedQueryCost(schema, mutation, { id: "gid://shopify/Order/1" })).toBe(10);
  });

  it("refuses a connection without first or last, as Shopify does", () => {
    expect(() => requestedQueryCost(schema, parse(`{ products { nodes { id } } }`))).toThrow(/first or last/);
  });
});
