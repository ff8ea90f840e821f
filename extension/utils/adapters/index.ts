/**
 * Every adapter, most specific first. Adding an adapter means adding it here and giving it a
 * fixture folder in `__fixtures__/<id>/`; the shared fixture test fails until it has one.
 */
import { articleAdapter } from './article.js';
import type { Adapter } from './contract.js';
import { dnevnikAdapter } from './dnevnik.js';
import { eljurAdapter } from './eljur.js';
import { genericTableAdapter } from './generic-table.js';
import { meshAdapter } from './mesh.js';
import { netcityAdapter } from './netcity.js';
import { roadmapTableAdapter } from './roadmap-table.js';
import { siteAuditAdapter } from './site-audit.js';

export const adapters: readonly Adapter[] = [
  netcityAdapter,
  dnevnikAdapter,
  eljurAdapter,
  meshAdapter,
  roadmapTableAdapter,
  articleAdapter,
  siteAuditAdapter,
  genericTableAdapter,
];

export function adapterById(id: string): Adapter | undefined {
  return adapters.find((adapter) => adapter.id === id);
}

export type { Adapter, Detection, Extraction, ExtractOptions, TableChoice } from './contract.js';
export { AdapterError } from './contract.js';
