import {
  GraphQLError,
  Kind,
  OperationTypeNode,
  getNamedType,
  isListType,
  isNonNullType,
  isObjectType,
  type FragmentDefinitionNode,
  type GraphQLOutputType,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

/** Limits of the GraphQL facade (the `graphql` section of the configuration). */
export interface GraphqlLimits {
  /** Deepest field nesting allowed (introspection not counted). */
  maxDepth: number;
  /** Largest estimated cost: each field costs 1, times the page size of enclosing connections and 10 per list. */
  maxCost: number;
  /** Largest `first` of a listing. */
  maxPageSize: number;
  /** `first` when not given. */
  defaultPageSize: number;
}

/** Defaults of {@link GraphqlLimits}. */
export const defaultGraphqlLimits: GraphqlLimits = {
  maxDepth: 10,
  maxCost: 50_000,
  maxPageSize: 100,
  defaultPageSize: 20,
};

/** Multiplier of a list field that is not a connection's `edges` / `nodes`. */
const listFactor = 10;

type Fragments = Record<string, FragmentDefinitionNode>;

function fragmentsOf(context: ValidationContext): Fragments {
  const fragments: Fragments = {};
  for (const definition of context.getDocument().definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  }
  return fragments;
}

function depthOf(set: SelectionSetNode | undefined, fragments: Fragments, seen: Set<string>): number {
  let deepest = 0;
  for (const s of set?.selections ?? []) {
    if (s.kind === Kind.FIELD) {
      if (s.name.value.startsWith('__')) continue;
      deepest = Math.max(deepest, 1 + depthOf(s.selectionSet, fragments, seen));
    } else if (s.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(deepest, depthOf(s.selectionSet, fragments, seen));
    } else if (!seen.has(s.name.value)) {
      deepest = Math.max(
        deepest,
        depthOf(fragments[s.name.value]?.selectionSet, fragments, new Set([...seen, s.name.value])),
      );
    }
  }
  return deepest;
}

function costOf(
  schema: GraphQLSchema,
  parent: GraphQLOutputType,
  set: SelectionSetNode | undefined,
  fragments: Fragments,
  limits: GraphqlLimits,
  seen: Set<string>,
): number {
  const named = getNamedType(parent);
  if (!isObjectType(named)) return 0;
  let cost = 0;
  for (const s of set?.selections ?? []) {
    if (s.kind === Kind.INLINE_FRAGMENT) {
      cost += costOf(schema, parent, s.selectionSet, fragments, limits, seen);
    } else if (s.kind === Kind.FRAGMENT_SPREAD) {
      if (!seen.has(s.name.value))
        cost += costOf(
          schema,
          parent,
          fragments[s.name.value]?.selectionSet,
          fragments,
          limits,
          new Set([...seen, s.name.value]),
        );
    } else if (!s.name.value.startsWith('__')) {
      const field = named.getFields()[s.name.value];
      if (field === undefined) continue;
      const unwrapped = isNonNullType(field.type) ? field.type.ofType : field.type;
      let factor = 1;
      const firstArg = s.arguments?.find((a) => a.name.value === 'first');
      if (field.args.some((a) => a.name === 'first')) {
        factor =
          firstArg?.value.kind === Kind.INT
            ? Number(firstArg.value.value)
            : firstArg
              ? limits.maxPageSize
              : limits.defaultPageSize;
      } else if (isListType(unwrapped) && !named.name.endsWith('Connection')) {
        factor = listFactor;
      }
      cost += 1 + factor * costOf(schema, field.type, s.selectionSet, fragments, limits, seen);
    }
  }
  return cost;
}

/** Refuses operations nested deeper than `maxDepth` (`extensions.code` `QUERY_TOO_DEEP`). */
export function depthLimitRule(limits: GraphqlLimits): ValidationRule {
  return (context) => ({
    OperationDefinition(node) {
      const depth = depthOf(node.selectionSet, fragmentsOf(context), new Set());
      if (depth > limits.maxDepth) {
        context.reportError(
          new GraphQLError(`Query depth ${depth} exceeds the limit of ${limits.maxDepth}.`, {
            nodes: [node],
            extensions: { code: 'QUERY_TOO_DEEP', depth, maxDepth: limits.maxDepth },
          }),
        );
      }
    },
  });
}

/** Refuses operations whose estimated cost passes `maxCost` (`extensions.code` `QUERY_TOO_COSTLY`). */
export function costLimitRule(limits: GraphqlLimits): ValidationRule {
  return (context) => ({
    OperationDefinition(node) {
      const schema = context.getSchema();
      const root =
        node.operation === OperationTypeNode.MUTATION ? schema.getMutationType() : schema.getQueryType();
      if (root == null) return;
      const cost = costOf(schema, root, node.selectionSet, fragmentsOf(context), limits, new Set());
      if (cost > limits.maxCost) {
        context.reportError(
          new GraphQLError(
            `Query cost ${cost} exceeds the limit of ${limits.maxCost}; ask for fewer items or fields.`,
            {
              nodes: [node],
              extensions: { code: 'QUERY_TOO_COSTLY', cost, maxCost: limits.maxCost },
            },
          ),
        );
      }
    },
  });
}
