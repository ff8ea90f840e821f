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

/**
 * The document service adds a `publishedAt` condition for the status it is given beside the filters'
 * top-level keys, and a top-level `publishedAt` of the filters takes its place (`{ ...lookup, ...where }`
 * in Strapi's query transform). So a caller's own filters always go one level down, where a
 * `publishedAt` of theirs can only narrow, and which version is read is decided here at the top. (The
 * status's second condition, the database query's `filters`, is the tenancy middleware's business.)
 */
const PUBLISHED = { $notNull: true } as const;
/**
 * `NOT (IS NULL AND IS NOT NULL)`: every row, so the rest of the filters decide which version of each
 * document is read. (Strapi casts a `$null` value to one boolean, so `$null: [true, false]` cannot say it.)
 */
const EITHER_VERSION = { $not: { $null: true, $notNull: true } } as const;

const hasKeys = (filters: unknown) =>
  !!filters && typeof filters === 'object' && Object.keys(filters).length > 0;

/**
 * The filters of a visitor's read of a type: what the caller asked, within the published documents
 * that meet the type's `publicWhen`. While a signed preview link of this type renders
 * (public-site/preview.ts), `previewed` is read as its draft, whatever its `publicWhen` state, in place
 * of its published version (or added, when it was never published), so a list shows it among the
 * others in its usual order, as visitors will see it once it is published. No other draft is read.
 * The status of the read stays `published`: were the top-level override ever ignored, the previewed
 * draft would go missing rather than other drafts show.
 */
export function visitorFilters(
  definition: ContentTypeDefinition,
  asked: unknown,
  previewed?: string,
): Record<string, unknown> {
  const conditions = [
    ...(hasKeys(asked) ? [asked] : []),
    ...(definition.draftAndPublish && previewed
      ? [
          {
            $or: [
              { documentId: previewed, publishedAt: { $null: true } },
              { documentId: { $ne: previewed }, publishedAt: PUBLISHED, ...definition.publicWhen },
            ],
          },
        ]
      : definition.publicWhen
        ? [definition.publicWhen]
        : []),
  ];
  if (!definition.draftAndPublish) return conditions.length ? { $and: conditions } : {};
  return {
    ...(conditions.length ? { $and: conditions } : {}),
    publishedAt: previewed ? EITHER_VERSION : PUBLISHED,
  };
}
