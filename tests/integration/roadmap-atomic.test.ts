/**
 * All or nothing: when anything fails while a road map is being written (here, the database refusing
 * the third KPI), no road map, activity or KPI of that import remains.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bootStrapi, roadmapService } from '../harness/strapi.js';

const doc000 = readFileSync(
  new URL('../../seeds/documents/000_a5a77a3323ec67d5.txt', import.meta.url),
  'utf8',
);

describe('road-map import transaction', () => {
  it('leaves nothing behind when a write fails midway', async () => {
    const booted = await bootStrapi({ env: { SEED: 'false', ADMIN_PASSWORD: 'Atomic1admin' } });
    const { strapi } = booted;
    try {
      const org = await strapi
        .documents('plugin::nastavnik.organisation')
        .create({ data: { name: 'Школа', slug: 'atomic-school', kind: 'school' } });
      let kpis = 0;
      strapi.documents.use(async (ctx, next) => {
        if (ctx.uid === 'plugin::nastavnik.kpi-indicator' && ctx.action === 'create' && ++kpis === 3)
          throw new Error('диск переполнен');
        return await next();
      });
      const service = roadmapService(strapi);
      await expect(
        service.import({ organisation: org.documentId, text: doc000, dryRun: false }),
      ).rejects.toThrow('диск переполнен');
      for (const type of ['roadmap', 'roadmap-activity', 'kpi-indicator']) {
        expect(await strapi.db.query(`plugin::nastavnik.${type}`).count(), type).toBe(0);
      }
      // The same import goes through once the fault is gone.
      kpis = 100;
      const ok = await service.import({ organisation: org.documentId, text: doc000, dryRun: false });
      expect(ok.committed).toBe(true);
      expect(await strapi.db.query('plugin::nastavnik.roadmap-activity').count()).toBe(27);
      expect(await strapi.db.query('plugin::nastavnik.kpi-indicator').count()).toBe(6);
    } finally {
      await booted.stop();
    }
  });
});
