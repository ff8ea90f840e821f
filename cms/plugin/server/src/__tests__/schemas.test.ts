/**
 * The schemas Strapi builds its tables and GraphQL enums from must carry exactly the shared
 * enumerations, and every field and type must have a Russian label for the admin panel.
 */
import { describe, expect, it } from 'vitest';
import { enumerations } from '@nastavnik/shared';
import { components } from '../components/index.js';
import { definitions } from '../content-types/index.js';

const sharedValueLists = Object.values(enumerations).map((e) => JSON.stringify(e.values));
const cyrillic = /[А-Яа-яЁё]/;

/** An attribute as it ends up in the Strapi schema. */
interface SchemaAttribute {
  type?: string;
  enum?: string[];
  target?: string;
  label?: string;
}
const schemaAttributes = (schema: Record<string, unknown>) =>
  schema.attributes as Record<string, SchemaAttribute>;

const everyField = [
  ...definitions.flatMap(({ definition, schema }) =>
    Object.entries(definition.attributes).map(([field, { label }]) => ({
      owner: definition.singularName,
      field,
      label,
      attribute: schemaAttributes(schema)[field] ?? {},
    })),
  ),
  ...components.flatMap(({ definition, schema }) =>
    Object.entries(definition.attributes).map(([field, { label }]) => ({
      owner: `component ${definition.name}`,
      field,
      label,
      attribute: schemaAttributes(schema)[field] ?? {},
    })),
  ),
];

describe('content-type schemas', () => {
  it.each(
    everyField
      .filter((f) => f.attribute.type === 'enumeration')
      .map((f) => [`${f.owner}.${f.field}`, f.attribute.enum]),
  )('%s uses a shared enumeration', (_name, values) => {
    expect(sharedValueLists).toContain(JSON.stringify(values));
  });

  it('every field has a Russian label and no label leaks into the Strapi schema', () => {
    for (const f of everyField) {
      expect(f.label, `${f.owner}.${f.field}`).toMatch(cyrillic);
      expect(f.attribute).not.toHaveProperty('label');
    }
  });

  it('every type has a Russian name, list columns that exist, and public fields that exist', () => {
    for (const { definition } of definitions) {
      expect(definition.displayName).toMatch(cyrillic);
      for (const column of definition.listColumns)
        expect(
          [...Object.keys(definition.attributes), 'createdAt', 'updatedAt'],
          `${definition.singularName}.${column}`,
        ).toContain(column);
      for (const field of definition.publicFields ?? [])
        expect(Object.keys(definition.attributes), `${definition.singularName}.${field}`).toContain(field);
      if (definition.access === 'private') expect(definition.publicFields).toBeUndefined();
    }
  });

  it('no public type links to a private one except through fields hidden from visitors', () => {
    const privateTargets = new Set(
      definitions
        .filter((d) => d.definition.access === 'private')
        .map((d) => `plugin::nastavnik.${d.definition.singularName}`),
    );
    for (const { definition, schema } of definitions) {
      if (definition.access !== 'public') continue;
      for (const [field, attribute] of Object.entries(schemaAttributes(schema))) {
        if (attribute.type === 'relation' && privateTargets.has(attribute.target ?? '')) {
          expect(definition.publicFields, `${definition.singularName}.${field}`).not.toContain(field);
        }
      }
    }
  });

  it('the draft & publish types are exactly the public site content', () => {
    const dp = definitions
      .filter((d) => d.definition.draftAndPublish)
      .map((d) => d.definition.singularName)
      .sort();
    expect(dp).toEqual(['case', 'news-item', 'programme', 'roadmap', 'site-section']);
  });
});
