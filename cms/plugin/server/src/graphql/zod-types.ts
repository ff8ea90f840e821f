/**
 * GraphQL types derived from the shared zod contracts, so an operation's GraphQL shape cannot drift
 * from the schema its resolver parses and its client checks. Scalars map to GraphQL scalars, named
 * enumerations to GraphQL enums, and anything structured (objects, lists, unions) to JSON, whose
 * content the zod schema itself validates.
 */
import type { z } from 'zod';
import type * as Nexus from 'nexus';

export type NexusBuilder = typeof Nexus;

export interface DerivedField {
  type: string;
  nonNull: boolean;
  default?: unknown;
}

export interface DeriveOptions {
  /** Fields holding document ids, typed `ID` as elsewhere in Strapi's schema. */
  ids?: readonly string[];
  /** GraphQL enum type per field whose zod schema is an enumeration. */
  enums?: Readonly<Record<string, string>>;
}

// Schemas are told apart by their definition's `type`, not by `instanceof`: the shared package may
// bring its own copy of zod when the plugin is installed without hoisting.
function scalarOf(schema: z.ZodType, field: string, options: DeriveOptions): string {
  const def = schema.def;
  switch (def.type) {
    case 'pipe':
      return scalarOf((schema as z.ZodPipe).in as z.ZodType, field, options);
    case 'string':
      return options.ids?.includes(field) ? 'ID' : 'String';
    case 'number': {
      const format = (schema as z.ZodNumber).format;
      return format === 'safeint' || format === 'int32' ? 'Int' : 'Float';
    }
    case 'boolean':
      return 'Boolean';
    case 'enum':
      return options.enums?.[field] ?? 'String';
    default:
      return 'JSON';
  }
}

/** The GraphQL field a contract's field becomes: its type, whether it may be null, its default. */
export function deriveField(schema: z.ZodType, field: string, options: DeriveOptions = {}): DerivedField {
  let inner: z.ZodType = schema;
  let nonNull = true;
  let fallback: unknown;
  for (;;) {
    const def = inner.def;
    if (def.type === 'optional' || def.type === 'nullable') {
      nonNull = false;
      inner = (inner as z.ZodOptional).unwrap() as z.ZodType;
    } else if (def.type === 'default') {
      fallback = (inner as z.ZodDefault).def.defaultValue;
      inner = (inner as z.ZodDefault).unwrap() as z.ZodType;
    } else break;
  }
  return {
    type: scalarOf(inner, field, options),
    nonNull,
    ...(fallback !== undefined ? { default: fallback } : {}),
  };
}

export function deriveFields(schema: z.ZodObject, options: DeriveOptions = {}): Record<string, DerivedField> {
  return Object.fromEntries(
    Object.entries(schema.shape).map(([field, fieldSchema]) => [
      field,
      deriveField(fieldSchema as z.ZodType, field, options),
    ]),
  );
}

export function inputObjectFromZod(
  nexus: NexusBuilder,
  name: string,
  schema: z.ZodObject,
  options: DeriveOptions = {},
) {
  const fields = deriveFields(schema, options);
  return nexus.inputObjectType({
    name,
    definition(t) {
      for (const [field, { type, nonNull, default: fallback }] of Object.entries(fields)) {
        const config = { type, ...(fallback !== undefined ? { default: fallback } : {}) };
        if (nonNull) t.nonNull.field(field, config);
        else t.field(field, config);
      }
    },
  });
}

export function objectFromZod(
  nexus: NexusBuilder,
  name: string,
  schema: z.ZodObject,
  options: DeriveOptions = {},
) {
  const fields = deriveFields(schema, options);
  return nexus.objectType({
    name,
    definition(t) {
      for (const [field, { type, nonNull }] of Object.entries(fields)) {
        if (nonNull) t.nonNull.field(field, { type });
        else t.field(field, { type });
      }
    },
  });
}

/** A shared enumeration as a GraphQL enum with the same values. */
export const enumFromValues = (nexus: NexusBuilder, name: string, values: readonly string[]) =>
  nexus.enumType({ name, members: [...values] });
