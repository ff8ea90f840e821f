/**
 * REST routes of the content API, under /api/nastavnik/<plural>. They also make the types' actions known
 * to users-permissions, whose grants GraphQL checks as well.
 */
import { definitions } from '../content-types/index.js';

const roadmapRoutes = [
  { method: 'POST', path: '/roadmaps/import', handler: 'roadmap.importFile' },
  { method: 'GET', path: '/roadmaps/:id/export', handler: 'roadmap.export' },
];

const kpiRoutes = [
  { method: 'GET', path: '/kpi/:id', handler: 'kpi-indicator.report' },
  { method: 'GET', path: '/kpi/:id/participants', handler: 'kpi-indicator.participants' },
  { method: 'GET', path: '/kpi/:id/note', handler: 'kpi-indicator.note' },
];

const routes = [
  ...roadmapRoutes,
  ...kpiRoutes,
  ...definitions.flatMap(({ definition: { singularName: name, pluralName: plural } }) => [
    { method: 'GET', path: `/${plural}`, handler: `${name}.find` },
    { method: 'GET', path: `/${plural}/:id`, handler: `${name}.findOne` },
    { method: 'POST', path: `/${plural}`, handler: `${name}.create` },
    { method: 'PUT', path: `/${plural}/:id`, handler: `${name}.update` },
    { method: 'DELETE', path: `/${plural}/:id`, handler: `${name}.delete` },
  ]),
];

export default {
  'content-api': { type: 'content-api', routes },
};
