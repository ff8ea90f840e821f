/**
 * One place describes a content type: its Strapi schema, the Russian labels the admin panel shows,
 * the list columns, who may read it and what visitors see of it, and the rules every write must pass
 * (JSON fields with their zod schemas, rich text to sanitise, the type's own checks). Enumerations and
 * pure checks come from `@nastavnik/shared`, so the values the database accepts are the values the
 * extension and the import engine produce. The organisation scope is not a type's business: `tenancy/`
 * applies it to every type alike.
 */
import type { Enumeration, HtmlProfile } from '@nastavnik/shared';
import type { z } from 'zod';
import type { UserActor } from '../tenancy/actor.js';
import type { Strapi } from '../types.js';

export type Access =
  /** Never readable anonymously; readable inside the organisation subtree. */
  | 'private'
  /** Readable anonymously when published (draft & publish) and restricted to `publicFields`. */
  | 'public';

export interface FieldDefinition {
  label: string;
  description?: string;
  /** A JSON field's shape: every write is checked against it and refused with the failing path. */
  schema?: z.ZodType;
  /** Rich text cleaned with this profile of the shared HTML policy on every write, whoever writes. */
  sanitize?: HtmlProfile;
  [key: string]: unknown;
}

export type WriteAction = 'create' | 'update' | 'delete' | 'publish' | 'unpublish' | 'discardDraft' | 'clone';

/** One write of a document as a type's rules see it; `data` may be changed by the rules. */
export interface WriteEvent {
  strapi: Strapi;
  action: WriteAction;
  /** Absent on create. */
  documentId?: string;
  data?: Record<string, unknown>;
  /** `published` when the write publishes at once (create/update with a status). */
  status?: string;
}

export interface ContentTypeRules {
  /** Invariants of the type, checked on every write whoever makes it (also seeding and imports). */
  beforeWrite?(event: WriteEvent): Promise<void> | void;
  /** What a signed-in user of the content API may do with this type beyond the organisation scope. */
  authorizeUser?(actor: UserActor, event: WriteEvent): void;
  /** After the write succeeded; `documentId` is the written document's, also on create. */
  afterWrite?(event: WriteEvent): Promise<void> | void;
}

export interface ContentTypeDefinition {
  singularName: string;
  pluralName: string;
  displayName: string;
  description: string;
  draftAndPublish?: boolean;
  access: Access;
  /** Fields an anonymous caller may see; everything else is removed from anonymous responses. */
  publicFields?: readonly string[];
  /** Anonymous callers read only published documents that also match these filters. */
  publicWhen?: Readonly<Record<string, unknown>>;
  /**
   * Public fields that visitors see filtered, wherever the field appears (a REST answer, a GraphQL
   * root query or the field nested under another type): names and contacts without a consent.
   */
  publicRedact?: Readonly<Record<string, (value: unknown) => unknown>>;
  rules?: ContentTypeRules;
  /** How the document belongs to an organisation: a relation attribute, or the organisation itself. */
  tenancy: 'organisation' | 'self';
  mainField: string;
  listColumns: readonly string[];
  attributes: Record<string, FieldDefinition>;
  /**
   * A string attribute a client fills with a random key per record it sends: a create carrying a key
   * already stored answers with the stored document instead of writing a second (tenancy/resend.ts).
   * Needs a unique index on its column, so that two sends at once cannot both be stored.
   */
  resendKey?: string;
  /**
   * Unique indexes the database itself enforces (columns in snake case). Strapi's `unique: true` is only
   * a check before the insert, which two concurrent requests both pass. `existingDuplicates` says what
   * becomes of rows a database already holds against the index when an upgrade first creates it
   * (setup/unique-indexes.ts): `keep-oldest` for a key that marks one thing sent again, whose later
   * copies are repeats of the first.
   */
  uniqueIndexes?: ReadonlyArray<{
    name: string;
    columns: readonly string[];
    existingDuplicates: 'keep-oldest';
  }>;
}

export interface DefinedContentType {
  definition: ContentTypeDefinition;
  schema: Record<string, unknown>;
}

const snake = (s: string) => s.replace(/-/g, '_');

/**
 * Labels and descriptions are ours (the admin shows them through its configuration), and so are the
 * write rules: none of them is a Strapi schema key.
 */
function strapiAttributes(fields: Record<string, FieldDefinition>) {
  return Object.fromEntries(
    Object.entries(fields).map(
      ([name, { label: _label, description: _d, schema: _s, sanitize: _h, ...attribute }]) => [
        name,
        attribute,
      ],
    ),
  );
}

export function defineContentType(definition: ContentTypeDefinition): DefinedContentType {
  const attributes = strapiAttributes(definition.attributes);
  return {
    definition,
    schema: {
      kind: 'collectionType',
      collectionName: `nastavnik_${snake(definition.pluralName)}`,
      info: {
        singularName: definition.singularName,
        pluralName: definition.pluralName,
        displayName: definition.displayName,
        description: definition.description,
      },
      options: { draftAndPublish: definition.draftAndPublish ?? false },
      pluginOptions: {
        'content-manager': { visible: true },
        'content-type-builder': { visible: true },
      },
      attributes,
      ...(definition.uniqueIndexes
        ? {
            indexes: definition.uniqueIndexes.map((index) => ({
              name: index.name,
              columns: [...index.columns],
              type: 'unique',
            })),
          }
        : {}),
    },
  };
}

export interface ComponentDefinition {
  name: string;
  displayName: string;
  description: string;
  attributes: Record<string, FieldDefinition>;
}

export function defineComponent(definition: ComponentDefinition) {
  const attributes = strapiAttributes(definition.attributes);
  return {
    definition,
    schema: {
      collectionName: `components_nastavnik_${snake(definition.name)}`,
      info: { displayName: definition.displayName, description: definition.description },
      attributes,
    },
  };
}

/** An enumeration attribute whose values are exactly the shared enumeration's. */
export function enumField<K extends string>(
  enumeration: Enumeration<K>,
  label: string,
  extra: { required?: boolean; default?: K; description?: string } = {},
): FieldDefinition {
  // The admin panel shows the Russian labels itself (admin/src/enum-labels.tsx), so no legend is needed.
  return { type: 'enumeration', enum: [...enumeration.values], label, ...extra };
}

/** A relation to another type of the plugin, by its singular name. */
export const manyToOne = (target: string, label: string): FieldDefinition => ({
  type: 'relation',
  relation: 'manyToOne',
  target: `plugin::nastavnik.${target}`,
  label,
});

export const manyToMany = (target: string, label: string): FieldDefinition => ({
  type: 'relation',
  relation: 'manyToMany',
  target: `plugin::nastavnik.${target}`,
  label,
});

export const organisationRelation = (label = 'Организация'): FieldDefinition =>
  manyToOne('organisation', label);
