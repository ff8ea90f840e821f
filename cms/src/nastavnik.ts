/**
 * The plugin's services that the host app calls. Strapi types a plugin's services as bags of `any`, and
 * the plugin ships no types of its own to the host, so the shapes relied on here are stated here.
 */
import type { Core } from '@strapi/strapi';

export interface NastavnikServices {
  setup: {
    /** Grants the plugin's roles and labels: users-permissions must have created its roles first. */
    afterPluginsBootstrap(): Promise<void>;
  };
  roadmap: {
    /** Loads a generated seed road map, published; false when the same source is already there. */
    seedRoadmap(
      seed: { source: string; draft: unknown; warnings?: unknown[] },
      organisation: string,
      sourceText?: string,
    ): Promise<boolean>;
  };
  preview: {
    /** The public page of a document with a signed, expiring preview link; undefined without a page. */
    url(uid: string, documentId: string): Promise<string | undefined>;
  };
}

export function nastavnikService<K extends keyof NastavnikServices>(
  strapi: Core.Strapi,
  name: K,
): NastavnikServices[K] {
  return strapi.plugin('nastavnik').service<NastavnikServices[K]>(name);
}
