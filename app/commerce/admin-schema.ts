/**
 * The Shopify Admin GraphQL schema the app is written against, and Shopify's query-cost rules
 * for it. The schema is the real 2026-07 introspection result, so documents are validated (and
 * the demo store executes them) exactly as Shopify would type-check them.
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import {
  GraphQLError,
  Kind,
  buildClientSchema,
  getNamedType,
  getOperationAST,
  isCompositeType,
  isInputType,
  isObjectType,
  isUnionType,
  typeFromAST,
  valueFromAST,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type IntrospectionQuery,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";
import { projectPath } from "../paths";

export const ADMIN_API_VERSION = "2026-07";

/** Shopify rejects any single query whose requested cost is above this, before running it. */
export const MAX_SINGLE_QUERY_COST = 1000;
/** Shopify caps `first`/`last` on every connection. */
export const MAX_PAGE_SIZE = 250;
export const MUTATION_COST = 10;

const SCHEMA_FILE_NAME = `admin_${ADMIN_API_VERSION}.json.gz`;

// Beside this module in sources and tests; from the project root once bundled into build/server.
function schemaFilePath(): string {
  const besideModule = fileURLToPath(new URL(`./schema/${SCHEMA_FILE_NAME}`, import.meta.url));
  return existsSync(besideModule) ? besideModule : projectPath("app", "commerce", "schema", SCHEMA_FILE_NAME);
}

let cachedSchema: GraphQLSchema | undefined;

/** Builds the schema once per process (~0.5 s); later calls return the same instance. */
export function loadAdminSchema(): GraphQLSchema {
  if (!cachedSchema) {
    const introspection = JSON.parse(gunzipSync(readFileSync(schemaFilePath())).toString("utf8")) as {
      data: IntrospectionQuery;
    };
    cachedSchema = buildClientSchema(introspection.data);
  }
  return cachedSchema;
}

export function isConnectionType(type: GraphQLNamedType): boolean {
  return isObjectType(type) && type.name.endsWith("Connection") && "nodes" in type.getFields();
}

/**
 * Shopify's requested query cost, computed statically like Shopify does before execution:
 * scalars and enums 0, objects 1, connections 2 + (first|last) × one node, abstract types the
 * most expensive branch, mutations 10. Plain lists cost like one element (their size is unknown).
 * Throws a GraphQLError where Shopify refuses the query (a connection without a page size, or a
 * page size over 250).
 */
export function requestedQueryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> = {},
  operationName?: string,
): number {
  const operation = getOperationAST(document, operationName);
  if (!operation) return 0;
  if (operation.operation === "mutation") return operation.selectionSet.selections.length * MUTATION_COST;
  const rootType = schema.getQueryType();
  if (!rootType) return 0;

  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const variableValues = { ...defaultVariableValues(schema, operation), ...variables };

  const selectionCost = (selectionSet: SelectionSetNode, parentType: GraphQLCompositeType): number => {
    let shared = 0;
    const perTypeCondition = new Map<string, number>();
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        shared += fieldCost(selection, parentType);
        continue;
      }
      const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments.get(selection.name.value);
      if (!fragment) continue;
      const conditionType = fragment.typeCondition ? schema.getType(fragment.typeCondition.name.value) : parentType;
      if (!conditionType || !isCompositeType(conditionType)) continue;
      const cost = selectionCost(fragment.selectionSet, conditionType);
      // Only one concrete type comes back, so branches on narrower types count once, at their maximum.
      if (conditionType === parentType || isObjectType(parentType)) shared += cost;
      else perTypeCondition.set(conditionType.name, (perTypeCondition.get(conditionType.name) ?? 0) + cost);
    }
    return shared + Math.max(0, ...perTypeCondition.values());
  };

  const fieldCost = (field: FieldNode, parentType: GraphQLCompositeType): number => {
    const definition = isUnionType(parentType) ? undefined : parentType.getFields()[field.name.value];
    if (!definition) return 0; // __typename
    const returnType = getNamedType(definition.type);
    if (!isCompositeType(returnType)) return 0;
    if (!isConnectionType(returnType)) {
      return 1 + (field.selectionSet ? selectionCost(field.selectionSet, returnType) : 0);
    }
    const pageSize = argumentValue(field, "first") ?? argumentValue(field, "last");
    if (typeof pageSize !== "number") {
      throw new GraphQLError("you must provide one of first or last", { nodes: field });
    }
    if (pageSize > MAX_PAGE_SIZE) {
      throw new GraphQLError(`The value for first or last can't exceed ${MAX_PAGE_SIZE}.`, { nodes: field });
    }
    return 2 + pageSize * connectionNodeCost(field, returnType as GraphQLObjectType);
  };

  // One node of a connection: `nodes { … }` and `edges { node { … } }` describe the same items.
  const connectionNodeCost = (field: FieldNode, connectionType: GraphQLObjectType): number => {
    const nodeType = getNamedType(connectionType.getFields().nodes.type) as GraphQLCompositeType;
    const nodeSelections: SelectionSetNode[] = [];
    for (const selection of field.selectionSet?.selections ?? []) {
      if (selection.kind !== Kind.FIELD || !selection.selectionSet) continue;
      if (selection.name.value === "nodes") nodeSelections.push(selection.selectionSet);
      if (selection.name.value !== "edges") continue;
      for (const edgeSelection of selection.selectionSet.selections) {
        if (edgeSelection.kind === Kind.FIELD && edgeSelection.name.value === "node" && edgeSelection.selectionSet) {
          nodeSelections.push(edgeSelection.selectionSet);
        }
      }
    }
    return Math.max(1, ...nodeSelections.map((selectionSet) => 1 + selectionCost(selectionSet, nodeType)));
  };

  const argumentValue = (field: FieldNode, name: string): unknown => {
    const value = field.arguments?.find((argument) => argument.name.value === name)?.value;
    if (value?.kind === Kind.VARIABLE) return variableValues[value.name.value] ?? undefined;
    return value?.kind === Kind.INT ? Number(value.value) : undefined;
  };

  return selectionCost(operation.selectionSet, rootType);
}

function defaultVariableValues(schema: GraphQLSchema, operation: OperationDefinitionNode): Record<string, unknown> {
  const defaults: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    const type = typeFromAST(schema, definition.type);
    if (definition.defaultValue && type && isInputType(type)) {
      defaults[definition.variable.name.value] = valueFromAST(definition.defaultValue, type);
    }
  }
  return defaults;
}
