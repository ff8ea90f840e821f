/**
 * The embedding snippets' data for the admin: the public mount point and the organisations the account
 * works for (read through the document service, so the account's scope applies), or the one organisation
 * of a site section when the Content Manager's edit view asks.
 */
import type { AdminEmbedInfo } from '@nastavnik/shared';
import { configuredEmbedOrigins } from '../public-site/embed.js';
import { publicPrefix } from '../public-site/index.js';
import { currentActor } from '../tenancy/actor.js';
import type { Strapi } from '../types.js';

const ORG_FIELDS = ['documentId', 'name', 'shortName', 'slug', 'website'] as const;

interface OrganisationRow {
  documentId: string;
  name?: string | null;
  shortName?: string | null;
  slug?: string | null;
  website?: string | null;
}

export async function adminEmbedInfo(
  strapi: Strapi,
  origin: string,
  section?: string,
): Promise<AdminEmbedInfo> {
  let rows: OrganisationRow[];
  if (section) {
    const found = (await strapi.documents('plugin::nastavnik.site-section').findOne({
      documentId: section,
      status: 'draft',
      populate: { organisation: { fields: [...ORG_FIELDS] } },
    })) as { organisation?: OrganisationRow | null } | null;
    rows = found?.organisation ? [found.organisation] : [];
  } else {
    // Organisations are public reference data: the account's own scope is what it embeds.
    const actor = await currentActor(strapi);
    rows = await strapi.documents('plugin::nastavnik.organisation').findMany({
      fields: [...ORG_FIELDS],
      ...(actor.kind === 'user' ? { filters: { documentId: { $in: [...actor.scope] } } } : {}),
      sort: ['name:asc'],
      limit: 10_000,
    });
  }
  const configured = strapi.config.get<string>('server.url', '');
  const site = /^https?:\/\//.test(configured) ? configured.replace(/\/+$/, '') : origin;
  return {
    base: `${site}${publicPrefix(strapi)}`,
    allowedOrigins: configuredEmbedOrigins(strapi),
    organisations: rows.flatMap((o) =>
      o.slug
        ? [
            {
              documentId: o.documentId,
              name: o.shortName || o.name || o.slug,
              slug: o.slug,
              website: o.website ?? null,
            },
          ]
        : [],
    ),
  };
}
