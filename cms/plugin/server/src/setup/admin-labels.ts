/**
 * Russian labels, list columns and main fields for the Content Manager. Strapi keeps these in its own
 * configuration store; a label an administrator has already changed by hand is left alone.
 */
import { components } from '../components/index.js';
import { adminOnlyDefinitions, definitions, uidOf } from '../content-types/index.js';
import type { UID } from '@strapi/types';
import type { Strapi } from '../types.js';

/** The part of the Content Manager's configuration services this module uses. */
interface ConfigurationService {
  findConfiguration(model: unknown): Promise<Configuration>;
  updateConfiguration(model: unknown, configuration: Configuration): Promise<unknown>;
}

type Metadatas = Record<string, { edit?: Record<string, unknown>; list?: Record<string, unknown> }>;
interface Configuration {
  settings: Record<string, unknown>;
  metadatas: Metadatas;
  layouts: { list: string[]; edit: unknown };
}

/**
 * Earlier versions put a legend of raw values under every enumeration field («Значения: pupil — …»);
 * the admin now shows the Russian labels themselves, so the legend goes, and the rest of the text stays.
 */
const LEGACY_ENUM_LEGEND = /(?:\. )?Значения: [a-z_0-9]+ — .*$/s;

/** The description without the legacy legend, or undefined when there was none. */
export function withoutLegacyLegend(description: unknown): string | undefined {
  if (typeof description !== 'string' || !LEGACY_ENUM_LEGEND.test(description)) return undefined;
  return description.replace(LEGACY_ENUM_LEGEND, '');
}

function applyLabels(
  config: Configuration,
  attributes: Record<string, { label: string; description?: string }>,
) {
  let changed = false;
  for (const [field, { label, description }] of Object.entries(attributes)) {
    const meta = config.metadatas[field];
    if (!meta) continue;
    const cleaned = withoutLegacyLegend(meta.edit?.description);
    if (meta.edit && cleaned !== undefined) {
      meta.edit.description = cleaned;
      changed = true;
    }
    if (meta.edit && (meta.edit.label === field || meta.edit.label === undefined)) {
      meta.edit.label = label;
      if (description) meta.edit.description = description;
      changed = true;
    }
    if (meta.list && (meta.list.label === field || meta.list.label === undefined)) {
      meta.list.label = label;
      changed = true;
    }
  }
  return changed;
}

const TECHNICAL_LABELS = {
  createdAt: 'Создано',
  updatedAt: 'Изменено',
  publishedAt: 'Опубликовано',
  id: 'ID',
  documentId: 'ID документа',
};

export async function applyAdminLabels(strapi: Strapi) {
  const contentTypes = strapi.plugin('content-manager').service<ConfigurationService>('content-types');
  for (const { definition } of [...definitions, ...adminOnlyDefinitions]) {
    const contentType = strapi.contentType(uidOf(definition.singularName));
    const config = await contentTypes.findConfiguration(contentType);
    const technical = Object.fromEntries(
      Object.entries(TECHNICAL_LABELS).map(([k, label]) => [k, { label }]),
    );
    let changed = applyLabels(config, { ...technical, ...definition.attributes });
    const defaultList = config.layouts.list.length <= 4 && config.layouts.list[0] === 'id';
    if (defaultList) {
      config.layouts.list = [...definition.listColumns];
      changed = true;
    }
    // Strapi's own default is the first string field (for activities the section code, often empty,
    // which makes the edit view say «Untitled»); a main field an administrator chose stays.
    const attributes: Record<string, { type: string }> = contentType.attributes;
    const strapiDefault = Object.entries(attributes).find(([, a]) => a.type === 'string')?.[0];
    const mainField = config.settings.mainField;
    if (
      mainField !== definition.mainField &&
      (mainField === 'id' || mainField === undefined || mainField === strapiDefault)
    ) {
      config.settings.mainField = definition.mainField;
      config.settings.defaultSortBy = definition.mainField;
      changed = true;
    }
    if (changed) await contentTypes.updateConfiguration(contentType, config);
  }
  const componentService = strapi.plugin('content-manager').service<ConfigurationService>('components');
  for (const { definition } of components) {
    // A host may have removed a component of ours; then there is nothing to label.
    const component = strapi.components[`nastavnik.${definition.name}` as UID.Component] as
      object | undefined;
    if (!component) continue;
    const config = await componentService.findConfiguration(component);
    if (applyLabels(config, definition.attributes))
      await componentService.updateConfiguration(component, config);
  }
}
