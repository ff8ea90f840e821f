/**
 * What a GraphQL operation may cost before it runs: the number of values it can resolve, with the page
 * size of every list multiplying what is selected below it. GraphQL Armor's cost rule multiplies only
 * `first`/`last` arguments; Strapi pages with `pagination: { limit | pageSize }`, defaulting to the
 * GraphQL plugin's `defaultLimit` and capped at its `maxLimit`, so the estimate reads those.
 *
 * A page size given by a variable counts as `maxLimit` (validation runs once per document, before the
 * variables are known); a list without a pagination argument (the plugin's own lists, such as an
 * organisation's subtree) counts as `defaultLimit`, except the `nodes` of a `_connection`, whose size
 * its paginated parent already counted.
 */
import {
  GraphQLError,
  Kind,
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  type ASTVisitor,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValidationContext,
  type ValueNode,
} from 'graphql';

export interface PageLimits {
  defaultLimit: number;
  maxLimit: number;
}

/** Strapi treats a non-positive `maxLimit` as «no cap»: the estimate still needs a number. */
const UNCAPPED_PAGE = 1000;

function intOf(value: ValueNode | undefined): number | 'variable' | undefined {
  if (!value) return undefined;
  if (value.kind === Kind.VARIABLE) return 'variable';
  if (value.kind === Kind.INT) return Number.parseInt(value.value, 10);
  return undefined;
}

/** The page size a field's `pagination` argument asks for, as Strapi would serve it. */
export function pageSize(pagination: ValueNode | undefined, limits: PageLimits): number {
  const max = limits.maxLimit > 0 ? limits.maxLimit : UNCAPPED_PAGE;
  if (!pagination) return Math.min(limits.defaultLimit, max);
  if (pagination.kind === Kind.VARIABLE) return max;
  if (pagination.kind !== Kind.OBJECT) return Math.min(limits.defaultLimit, max);
  const field = (name: string) => pagination.fields.find((f) => f.name.value === name)?.value;
  const asked = intOf(field('limit')) ?? intOf(field('pageSize'));
  if (asked === undefined) return Math.min(limits.defaultLimit, max);
  if (asked === 'variable' || asked <= 0) return max;
  return Math.min(asked, max);
}

interface Walk {
  schema: GraphQLSchema;
  fragments: (name: string) => FragmentDefinitionNode | undefined;
  limits: PageLimits;
}

function fieldCost(walk: Walk, parent: GraphQLCompositeType, node: FieldNode, inConnection: boolean): number {
  const name = node.name.value;
  // Introspection is answered from the schema in memory (and switched off in production).
  if (name === '__schema' || name === '__type') return 0;
  const def = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
  if (!def) return 1; // __typename, or an unknown field that validation reports on its own
  const type = getNullableType(def.type);
  const named = getNamedType(def.type);
  const paginated = def.args.some((a) => a.name === 'pagination');
  let multiplier = 1;
  if (paginated) {
    const argument = node.arguments?.find((a) => a.name.value === 'pagination')?.value;
    multiplier = pageSize(argument, walk.limits);
  } else if (isListType(type) && isCompositeType(named) && !inConnection) {
    multiplier = pageSize(undefined, walk.limits);
  }
  const below =
    node.selectionSet && isCompositeType(named)
      ? selectionCost(walk, named, node.selectionSet, paginated && !isListType(type), new Set())
      : 0;
  return multiplier * (1 + below);
}

function selectionCost(
  walk: Walk,
  parent: GraphQLCompositeType,
  set: SelectionSetNode,
  inConnection: boolean,
  fragmentPath: Set<string>,
): number {
  let cost = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      cost += fieldCost(walk, parent, selection, inConnection);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const condition = selection.typeCondition && walk.schema.getType(selection.typeCondition.name.value);
      const type = condition && isCompositeType(condition) ? condition : parent;
      cost += selectionCost(walk, type, selection.selectionSet, inConnection, fragmentPath);
    } else {
      const name = selection.name.value;
      const fragment = walk.fragments(name);
      // A fragment cycle is refused by GraphQL's own rule; here it must only not loop.
      if (!fragment || fragmentPath.has(name)) continue;
      const condition = walk.schema.getType(fragment.typeCondition.name.value);
      const type = condition && isCompositeType(condition) ? condition : parent;
      cost += selectionCost(
        walk,
        type,
        fragment.selectionSet,
        inConnection,
        new Set([...fragmentPath, name]),
      );
    }
  }
  return cost;
}

/** The estimated cost of every operation of a validated document's `context`, by operation. */
export function operationCosts(context: ValidationContext, limits: PageLimits): number[] {
  const schema = context.getSchema();
  const walk: Walk = { schema, fragments: (name) => context.getFragment(name) ?? undefined, limits };
  const roots = { query: schema.getQueryType(), mutation: schema.getMutationType(), subscription: null };
  return context
    .getDocument()
    .definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION)
    .map((operation) => {
      const root = roots[operation.operation] ?? schema.getSubscriptionType();
      return root ? selectionCost(walk, root, operation.selectionSet, false, new Set()) : 0;
    });
}

export const costMessage = (found: number, max: number) =>
  `Запрос слишком тяжёлый: его оценка ${found} при пределе ${max}. Размеры страниц вложенных списков перемножаются — уменьшите pagination.limit, вложенность списков или разбейте запрос на несколько.`;

/** A validation rule refusing any operation that costs more than `maxCost`. */
export function costLimitRule(limits: PageLimits, maxCost: number) {
  return (context: ValidationContext): ASTVisitor => ({
    Document: {
      enter() {
        for (const cost of operationCosts(context, limits)) {
          if (cost > maxCost) {
            context.reportError(
              new GraphQLError(costMessage(Math.round(cost), maxCost), {
                extensions: { limit: 'cost', max: maxCost, found: Math.round(cost) },
              }),
            );
          }
        }
      },
    },
  });
}
