/**
 * First-start seeding on a database of its own: the seeded tree and demo set appear once, a second
 * start on the same database adds nothing, and SEED=false starts empty.
 */
import { describe, expect, it } from 'vitest';
import type { Core } from '@strapi/strapi';
import { bootStrapi, createTestDatabase } from '../harness/strapi.js';

const TYPES = [
  'organisation',
  'person',
  'programme',
  'pair',
  'meeting',
  'case',
  'site-section',
  'roadmap',
  'roadmap-activity',
  'kpi-indicator',
  'questionnaire',
];

async function counts(strapi: Core.Strapi) {
  const out: Record<string, number> = {};
  for (const t of TYPES) out[t] = await strapi.db.query(`plugin::nastavnik.${t}`).count();
  return out;
}

describe('seeding', () => {
  it('is idempotent across restarts on the same database', async () => {
    const database = await createTestDatabase();
    try {
      const first = await bootStrapi({ database, env: { ADMIN_PASSWORD: 'Seed1admin' } });
      const before = await counts(first.strapi);
      // Teacher groups stored under the old codes, as an earlier release wrote them.
      const teacherGroups = () =>
        first.strapi.db.query('plugin::nastavnik.person').findMany({
          where: { teacherGroup: { $notNull: true } },
          select: ['fullName', 'teacherGroup'],
          orderBy: 'fullName',
        });
      const seeded = await teacherGroups();
      expect(seeded.map((p: { teacherGroup: string }) => p.teacherGroup)).toEqual([
        'pre_professional',
        'super_professional',
      ]);
      for (const [from, to] of [
        ['pre_professional', 'A'],
        ['super_professional', 'D'],
      ])
        await first.strapi.db
          .query('plugin::nastavnik.person')
          .updateMany({ where: { teacherGroup: from }, data: { teacherGroup: to } });
      await first.stop();
      expect(before.organisation).toBe(13);
      // The demo set (5 people, 2 pairs, 3 meetings) and the programmes at each stage of the cycle.
      expect(before.person).toBe(11);
      expect(before.pair).toBe(4);
      expect(before.meeting).toBe(5);
      // Six standard questionnaires for each of the five educational organisations.
      expect(before.questionnaire).toBe(30);
      expect(before.case).toBeGreaterThanOrEqual(1);

      const second = await bootStrapi({ database, env: { ADMIN_PASSWORD: 'Seed1admin' } });
      const after = await counts(second.strapi);
      const migrated = (await second.strapi.db.query('plugin::nastavnik.person').findMany({
        where: { teacherGroup: { $notNull: true } },
        select: ['fullName', 'teacherGroup'],
        orderBy: 'fullName',
      })) as Array<{ teacherGroup: string }>;
      await second.stop();
      expect(after).toEqual(before);
      // The start rewrote the old codes into the career periods of seed 004.
      expect(migrated.map((p) => p.teacherGroup)).toEqual(['pre_professional', 'super_professional']);
    } finally {
      await database.drop();
    }
  });

  it('can be switched off with SEED=false', async () => {
    const booted = await bootStrapi({ env: { SEED: 'false', ADMIN_PASSWORD: 'Seed1admin' } });
    try {
      expect((await counts(booted.strapi)).organisation).toBe(0);
    } finally {
      await booted.stop();
    }
  });
});
