/**
 * Benchmark (not part of `npm test`): commit of a 2,000-activity road map on the test database.
 *   npx vitest run --project bench      (goal: ≤ 3 s on SQLite)
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import type { RoadmapDraft } from '@nastavnik/shared';
import { bootStrapi, roadmapService } from '../harness/strapi.js';

it('commits a 2,000-activity road map', { timeout: 300_000 }, async () => {
  const seed = JSON.parse(
    readFileSync(new URL('../../seeds/roadmaps/kamensk-school-40.json', import.meta.url), 'utf8'),
  ) as { draft: RoadmapDraft };
  const base = seed.draft.activities;
  const activities = Array.from({ length: 2000 }, (_, i) => {
    const activity = base[i % base.length];
    if (!activity) throw new Error('В дорожной карте посева нет мероприятий');
    return { ...activity, order: i + 1, code: `${i + 1}.`, sourceRows: [i + 1] };
  });
  const draft: RoadmapDraft = { ...seed.draft, activities, title: 'Большая дорожная карта' };
  const booted = await bootStrapi({ env: { SEED: 'false', ADMIN_PASSWORD: 'Bench1admin' } });
  try {
    const { strapi } = booted;
    const org = await strapi
      .documents('plugin::nastavnik.organisation')
      .create({ data: { name: 'Школа', slug: 'bench', kind: 'school' } });
    const service = roadmapService(strapi);
    const times: number[] = [];
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      await service.seedRoadmap(
        { source: `bench-${run}`, draft, warnings: [] },
        org.documentId,
        `bench-${run}`,
      );
      times.push(performance.now() - started);
    }
    expect(await strapi.db.query('plugin::nastavnik.roadmap-activity').count()).toBe(6000);
    const db = process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite';
    process.stdout.write(
      `\n[bench] commit 2000 activities (${db}): ${times.map((t) => `${Math.round(t)} ms`).join(', ')}; best ${Math.round(Math.min(...times))} ms (goal ≤ 3000 ms)\n`,
    );
  } finally {
    await booted.stop();
  }
});
