/**
 * REST routes of the content API, under /api/nastavnik/<plural>. They also make the types' actions known
 * to users-permissions, whose grants GraphQL checks as well.
 */
import { definitions } from '../content-types/index.js';

const roadmapRoutes = [
  { method: 'POST', path: '/roadmaps/import', handler: 'roadmap.importFile' },
  { method: 'GET', path: '/roadmaps/:id/export', handler: 'roadmap.export' },
];

const activityRoutes = [
  // Multipart, field `file`: type by content, size and name checked (roadmaps/evidence.ts).
  { method: 'POST', path: '/roadmap-activities/:id/evidence', handler: 'roadmap-activity.uploadEvidence' },
];

const programmeRoutes = [
  { method: 'GET', path: '/programmes/:id/pairs-order', handler: 'programme.pairsOrder' },
];

const kpiRoutes = [
  { method: 'GET', path: '/kpi/:id', handler: 'kpi-indicator.report' },
  { method: 'GET', path: '/kpi/:id/participants', handler: 'kpi-indicator.participants' },
  { method: 'GET', path: '/kpi/:id/note', handler: 'kpi-indicator.note' },
];

const routes = [
  ...roadmapRoutes,
  ...activityRoutes,
  ...programmeRoutes,
  ...kpiRoutes,
  ...definitions.flatMap(({ definition: { singularName: name, pluralName: plural } }) => [
    { method: 'GET', path: `/${plural}`, handler: `${name}.find` },
    { method: 'GET', path: `/${plural}/:id`, handler: `${name}.findOne` },
    { method: 'POST', path: `/${plural}`, handler: `${name}.create` },
    { method: 'PUT', path: `/${plural}/:id`, handler: `${name}.update` },
    { method: 'DELETE', path: `/${plural}/:id`, handler: `${name}.delete` },
  ]),
];

/** The plugin's admin-panel screens; every handler needs a signed-in admin account. */
const adminAuth = { policies: ['admin::isAuthenticatedAdmin'] };
const adminRoutes = [
  { method: 'GET', path: '/overview', handler: 'admin-panel.overview', config: adminAuth },
  { method: 'GET', path: '/organisations', handler: 'admin-panel.organisations', config: adminAuth },
  // The same handler, contract and engine as the REST import, the CLI and the extension.
  { method: 'POST', path: '/roadmaps/import', handler: 'roadmap.importFile', config: adminAuth },
  { method: 'GET', path: '/cases/review', handler: 'admin-panel.reviewQueue', config: adminAuth },
  { method: 'POST', path: '/cases/:id/review', handler: 'admin-panel.decide', config: adminAuth },
  {
    method: 'GET',
    path: '/kpi/:id/participants',
    handler: 'admin-panel.participantsReport',
    config: adminAuth,
  },
  { method: 'GET', path: '/kpi/:id/note', handler: 'admin-panel.analyticNote', config: adminAuth },
  { method: 'GET', path: '/public-embed', handler: 'admin-panel.embed', config: adminAuth },
];

export default {
  'content-api': { type: 'content-api', routes },
  admin: { type: 'admin', routes: adminRoutes },
};
