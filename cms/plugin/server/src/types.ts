import type { Core } from '@strapi/strapi';
import type { Utils } from '@strapi/types';

export type Strapi = Core.Strapi;

/** Plain shape of a row as returned by strapi.db.query: fields by name, unknown values. */
export type Row = Record<string, unknown> & { id: number; documentId: string };

/**
 * Strapi clears a field that is written as null, but its generated input types only accept values;
 * this is that null, typed so that a write which clears a field still type-checks the other fields.
 */
export const CLEARED = null as unknown as undefined;

/** A value as a JSON column stores it: what survives JSON (no undefined, no functions, no Dates). */
export function asJson(value: unknown): Utils.JSONValue {
  const parsed: unknown = JSON.parse(JSON.stringify(value ?? null));
  return parsed as Utils.JSONValue;
}
