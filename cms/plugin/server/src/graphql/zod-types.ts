/**
 * GraphQL types derived from the shared zod contracts, so an operation's GraphQL shape cannot drift
 * from the schema its resolver parses and its client checks. Scalars map to GraphQL scalars, named
 * enumerations to GraphQL enums, and anything structured (objects, lists, unions) to JSON, whose
 * content the zod schema itself validates.
 */
import { z } from 'zod';
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

function scalarOf(schema: z.ZodType, field: string, options: DeriveOptions): string {
  if (schema instanceof z.ZodPipe) return scalarOf(schema.in as z.ZodType, field, options);
  if (schema instanceof z.ZodString) return options.ids?.includes(field) ? 'ID' : 'String';
  if (schema instanceof z.ZodNumber)
    return schema.format === 'safeint' || schema.format === 'int32' ? 'Int' : 'Float';
  if (schema instanceof z.ZodBoolean) return 'Boolean';
  if (schema instanceof z.ZodEnum) return options.enums?.[field] ?? 'String';
  return 'JSON';
}

/** The GraphQL field a contract's field becomes: its type, whether it may be null, its default. */
export function deriveField(schema: z.ZodType, field: string, options: DeriveOptions = {}): DerivedField {
  let inner: z.ZodType = schema;
  let nonNull = true;
  let fallback: unknown;
  for (;;) {
    if (inner instanceof z.ZodOptional || inner instanceof z.ZodNullable) {
      nonNull = false;
      inner = inner.unwrap() as z.ZodType;
    } else if (inner instanceof z.ZodDefault) {
      fallback = inner.def.defaultValue;
      inner = inner.unwrap() as z.ZodType;
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
