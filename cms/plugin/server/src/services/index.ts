import { factories } from '@strapi/strapi';
import { captureService } from '../captures/service.js';
import { definitions, uidOf } from '../content-types/index.js';
import { kpiService } from '../kpi/service.js';
import { roadmapService } from '../roadmaps/service.js';

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
};
