/**
 * How the rules a type declares (see `define.ts`) are applied: before every write (JSON shapes, rich
 * text, the type's own invariants) and to everything a visitor reads (public fields, redactions).
 * The tenancy middleware calls these for every document-service call on the plugin's types.
 */
import { fieldValidationError } from '../validation.js';
import { sanitizeHtmlWith } from '../html.js';
import type { ContentTypeDefinition, WriteEvent } from './define.js';

function checkJsonFields(definition: ContentTypeDefinition, data: Record<string, unknown>) {
  for (const [field, { schema }] of Object.entries(definition.attributes)) {
    if (!schema || data[field] == null) continue;
    const result = schema.safeParse(data[field]);
    if (result.success) continue;
    throw fieldValidationError(result.error, [field]);
  }
}

function sanitizeRichText(definition: ContentTypeDefinition, data: Record<string, unknown>) {
  for (const [field, { sanitize }] of Object.entries(definition.attributes)) {
    const value = data[field];
    if (sanitize && typeof value === 'string') data[field] = sanitizeHtmlWith(sanitize, value);
  }
}

/** Everything a write of this type must pass before the organisation scope is even looked at. */
export async function prepareWrite(definition: ContentTypeDefinition, event: WriteEvent): Promise<void> {
  if (event.data) {
    checkJsonFields(definition, event.data);
    sanitizeRichText(definition, event.data);
  }
  await definition.rules?.beforeWrite?.(event);
}

/** Technical fields GraphQL and REST clients need to address a document; never personal. */
const TECHNICAL = ['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'locale'];

/**
 * What a visitor may see of a document (or a list of them): public fields, redacted where declared.
 * Related documents populated into it (REST `populate`) are cut to their own type's public view, and
 * private ones removed, so a visitor never reads a related record's hidden fields.
 */
export function publicView(
  definition: ContentTypeDefinition,
  value: unknown,
  definitionOf: (uid: string) => ContentTypeDefinition | undefined,
): unknown {
  if (Array.isArray(value)) return value.map((v) => publicView(definition, v, definitionOf));
  if (!value || typeof value !== 'object') return value;
  const allowed = new Set([...(definition.publicFields ?? []), ...TECHNICAL]);
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (!allowed.has(key)) continue;
    const redact = definition.publicRedact?.[key];
    let shown: unknown = redact ? redact(v) : v;
    const attribute = definition.attributes[key];
    if (attribute?.type === 'relation' && shown && typeof shown === 'object') {
      const target = definitionOf(String(attribute.target));
      shown = target?.access === 'public' ? publicView(target, shown, definitionOf) : null;
    }
    out[key] = shown;
  }
  return out;
}
