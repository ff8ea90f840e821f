/**
 * One place describes a content type: its Strapi schema, the Russian labels the admin panel shows,
 * the list columns, and who may read it. Enumerations come from `@nastavnik/shared`, so the values
 * the database accepts are the values the extension and the import engine produce.
 */
import type { Enumeration } from '@nastavnik/shared';

export type Access =
  /** Never readable anonymously; readable inside the organisation subtree. */
  | 'private'
  /** Readable anonymously when published (draft & publish) and restricted to `publicFields`. */
  | 'public';

export interface FieldDefinition {
  label: string;
  description?: string;
  [key: string]: unknown;
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
  /** How the document belongs to an organisation: a relation attribute, or the organisation itself. */
  tenancy: 'organisation' | 'self';
  mainField: string;
  listColumns: readonly string[];
  attributes: Record<string, FieldDefinition>;
}

export interface DefinedContentType {
  definition: ContentTypeDefinition;
  schema: Record<string, unknown>;
}

const snake = (s: string) => s.replace(/-/g, '_');

/** Labels and descriptions are ours (the admin shows them through its configuration), not schema keys. */
function strapiAttributes(fields: Record<string, FieldDefinition>) {
  return Object.fromEntries(
    Object.entries(fields).map(([name, { label: _label, description: _d, ...attribute }]) => [
      name,
      attribute,
    ]),
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
  // The Content Manager shows enum values as they are stored; the legend under the field translates them.
  const legend = enumeration.values.map((v) => `${v} — ${enumeration.labels[v]}`).join('; ');
  const description = [extra.description, `Значения: ${legend}`].filter(Boolean).join('. ');
  return { type: 'enumeration', enum: [...enumeration.values], label, ...extra, description };
}

export const organisationRelation = (label = 'Организация'): FieldDefinition => ({
  type: 'relation',
  relation: 'manyToOne',
  target: 'plugin::nastavnik.organisation',
  label,
});
