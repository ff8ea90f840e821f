/** The plugin's own services, typed, for code that calls one service from another. */
import type { CaptureService } from '../captures/service.js';
import type { KpiService } from '../kpi/service.js';
import type { RoadmapService } from '../roadmaps/service.js';
import type { Strapi } from '../types.js';

export const roadmapServiceOf = (strapi: Strapi) =>
  strapi.plugin('nastavnik').service<RoadmapService>('roadmap');
export const captureServiceOf = (strapi: Strapi) =>
  strapi.plugin('nastavnik').service<CaptureService>('capture');
export const kpiServiceOf = (strapi: Strapi) => strapi.plugin('nastavnik').service<KpiService>('kpi');
