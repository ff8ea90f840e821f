/**
 * Core controllers for every type. They are thin on purpose: tenancy, the personal-data rule and public
 * fields live in the document-service middleware, so REST and GraphQL behave the same.
 */
import { factories } from '@strapi/strapi';
import { definitions, uidOf } from '../content-types/index.js';

export default Object.fromEntries(
  definitions.map(({ definition }) => [definition.singularName, factories.createCoreController(uidOf(definition.singularName) as never)]),
);
