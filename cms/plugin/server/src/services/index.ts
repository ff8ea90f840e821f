import { factories } from '@strapi/strapi';
import { captureService } from '../captures/service.js';
import { definitions, uidOf } from '../content-types/index.js';
import { kpiService } from '../kpi/service.js';
import { roadmapService } from '../roadmaps/service.js';
import { reapplyWithdrawals } from '../consent/withdrawal.js';
import { reindexAllCases } from '../cases/search.js';
import { bumpVersion } from '../public-site/cache.js';
import type { Strapi } from '../types.js';

/** Core services, one per type (the core controllers and any custom code call them). */
const plain = Object.fromEntries(
  definitions.map(({ definition: { singularName } }) => [
    singularName,
    factories.createCoreService(uidOf(singularName)),
  ]),
);

/** Behaviour beyond CRUD is added to the type's own core service (Strapi's way of extending it). */
export const coreServices = {
  ...plain,
  roadmap: factories.createCoreService('plugin::nastavnik.roadmap', roadmapService),
  capture: factories.createCoreService('plugin::nastavnik.capture', captureService),
  kpi: kpiService,
  /**
   * What `npm run restore` runs once Strapi's data transfer has written the backup: withdrawals of consent
   * recorded after the backup are applied again (consent/withdrawal.ts), and the tables the transfer does
   * not carry (the case search index, the page-cache version) are rebuilt from the restored data.
   */
  restore: ({ strapi }: { strapi: Strapi }) => ({
    async afterRestore(extraLedger?: string) {
      const reapplied = await reapplyWithdrawals(strapi, extraLedger);
      await reindexAllCases(strapi);
      await bumpVersion(strapi);
      return { reapplied };
    },
  }),
};
