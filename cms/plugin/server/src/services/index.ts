import { factories } from '@strapi/strapi';
import { captureService } from '../captures/service.js';
import { definitions, uidOf } from '../content-types/index.js';
import { roadmapService } from '../roadmaps/service.js';

/** Behaviour beyond CRUD, added to the type's own core service (Strapi's way of extending it). */
const extensions: Record<string, (args: { strapi: any }) => Record<string, unknown>> = {
  roadmap: roadmapService,
  capture: captureService,
};

/** Core services, one per type (the core controllers and any custom code call them). */
export const coreServices = Object.fromEntries(
  definitions.map(({ definition: { singularName } }) => [
    singularName,
    factories.createCoreService(uidOf(singularName) as never, extensions[singularName] as never),
  ]),
);
