/**
 * A visitor asking REST to populate every relation of a public type gets the related documents cut to
 * their own public fields, and nothing of private ones: the public view applies to what is nested too.
 */
import { describe, expect, inject, it } from 'vitest';
import { definitions, uidOf } from '../../cms/plugin/server/src/content-types/index.js';

const TECHNICAL = new Set(['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'locale']);
const byUid = new Map<string, (typeof definitions)[number]['definition']>(
  definitions.map((d) => [uidOf(d.definition.singularName), d.definition]),
);

/** Field names a visitor saw beyond the public ones, per related record, with the path they were found at. */
function leaks(type: string, value: unknown, path: string): string[] {
  const definition = byUid.get(type);
  if (!definition || !value || typeof value !== 'object') return [];
  if (Array.isArray(value)) return value.flatMap((v, i) => leaks(type, v, `${path}[${String(i)}]`));
  const allowed = new Set([...(definition.publicFields ?? []), ...TECHNICAL]);
  const found: string[] = [];
  for (const [key, v] of Object.entries(value)) {
    if (!allowed.has(key)) found.push(`${path}.${key}`);
    const attribute = definition.attributes[key];
    if (attribute?.type === 'relation' && v && typeof v === 'object') {
      const target = byUid.get(String(attribute.target));
      if (target?.access !== 'public' && !(Array.isArray(v) && v.length === 0))
        found.push(`${path}.${key} (закрытый тип)`);
      else found.push(...leaks(String(attribute.target), v, `${path}.${key}`));
    }
  }
  return found;
}

describe('REST populate for visitors', () => {
  const publicTypes = definitions.filter((d) => d.definition.access === 'public');
  it.each(publicTypes.map((d) => [d.definition.pluralName, d.definition.singularName]))(
    '%s?populate=* shows only public fields of related records',
    async (plural, singular) => {
      const res = await fetch(
        `${inject('strapiUrl')}/api/nastavnik/${plural}?populate=*&pagination[pageSize]=20`,
      );
      expect([200, 400]).toContain(res.status);
      if (res.status !== 200) return;
      const body = (await res.json()) as { data: unknown };
      expect(leaks(uidOf(singular), body.data, plural)).toEqual([]);
    },
  );
});
