import type { UID } from '@strapi/types';
import type { ContentTypeDefinition, DefinedContentType } from './define.js';
import organisation from './organisation.js';
import person from './person.js';
import programme from './programme.js';
import pair from './pair.js';
import meeting from './meeting.js';
import questionnaire from './questionnaire.js';
import questionnaireResponse from './questionnaire-response.js';
import roadmap from './roadmap.js';
import roadmapActivity from './roadmap-activity.js';
import kpiIndicator from './kpi-indicator.js';
import contingentSnapshot from './contingent-snapshot.js';
import caseType from './case.js';
import siteSection from './site-section.js';
import newsItem from './news-item.js';
import partner from './partner.js';
import capture from './capture.js';
import progressRecord from './progress-record.js';
import adminAccess from '../admin-access/content-type.js';
import accessLog from './access-log.js';
import monitoringSnapshot from './monitoring-snapshot.js';

export const definitions: readonly DefinedContentType[] = [
  organisation,
  person,
  programme,
  pair,
  meeting,
  questionnaire,
  questionnaireResponse,
  roadmap,
  roadmapActivity,
  kpiIndicator,
  contingentSnapshot,
  caseType,
  siteSection,
  newsItem,
  partner,
  capture,
  progressRecord,
  accessLog,
  monitoringSnapshot,
];

/**
 * Types of the admin panel only: no content-API routes, no grants to the plugin's roles, no GraphQL, and
 * outside the organisation middleware (only super admins reach them).
 */
export const adminOnlyDefinitions: readonly DefinedContentType[] = [adminAccess];

/** Strapi's shape: key = singularName, value = { schema }. */
export default Object.fromEntries(
  [...definitions, ...adminOnlyDefinitions].map((d) => [d.definition.singularName, { schema: d.schema }]),
);

/**
 * A type's UID. Strapi's generated typings (`cms/types/generated`, checked for drift in CI) list exactly
 * the types defined here, so the name of a defined type is a known content-type UID.
 */
export const uidOf = (singularName: string) => `plugin::nastavnik.${singularName}` as UID.ContentType;
export const definitionByUid: ReadonlyMap<string, ContentTypeDefinition> = new Map(
  definitions.map((d) => [uidOf(d.definition.singularName), d.definition]),
);
