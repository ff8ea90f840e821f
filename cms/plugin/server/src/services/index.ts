import { factories } from '@strapi/strapi';
import { definitions, uidOf } from '../content-types/index.js';

/** Core services, one per type (the core controllers and any custom code call them). */
export const coreServices = Object.fromEntries(
  definitions.map(({ definition }) => [definition.singularName, factories.createCoreService(uidOf(definition.singularName) as never)]),
);
