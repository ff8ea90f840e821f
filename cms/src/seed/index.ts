/**
 * First-start data: the organisations behind the five seed road maps with their tree, their road maps
 * (generated into seeds/roadmaps/ by the import engine), and a clearly synthetic demo set so a new user
 * sees pairs, meetings and a published case at once. Idempotent: what exists (by slug) is left alone.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import type { OrganisationKind } from '@nastavnik/shared';
import { nastavnikService } from '../nastavnik';
import { seedDemo } from './demo';
import { seedDemoCycle } from './demo-cycle';
import { seedQuestionnaires } from './questionnaires';

interface OrganisationSeed {
  slug: string;
  name: string;
  shortName?: string;
  kind: OrganisationKind;
  parent?: string;
  region?: string;
  municipality?: string;
  timezone?: string;
  seedDocument?: string;
  demo?: boolean;
}

const ORG = 'plugin::nastavnik.organisation';

export function seedsDir(strapi: Core.Strapi) {
  return process.env.SEEDS_DIR || path.resolve(strapi.dirs.app.root, '..', 'seeds');
}

async function seedOrganisations(strapi: Core.Strapi, dir: string) {
  const seeds = JSON.parse(readFileSync(path.join(dir, 'organisations.json'), 'utf8')) as OrganisationSeed[];
  const bySlug = new Map<string, string>();
  let created = 0;
  // The file lists parents before children.
  for (const org of seeds) {
    const existing = await strapi
      .documents(ORG)
      .findFirst({ filters: { slug: org.slug }, fields: ['documentId'] });
    if (existing) {
      bySlug.set(org.slug, existing.documentId);
      continue;
    }
    const parent = org.parent ? bySlug.get(org.parent) : undefined;
    const doc = await strapi.documents(ORG).create({
      data: {
        name: org.name,
        shortName: org.shortName,
        slug: org.slug,
        kind: org.kind,
        region: org.region,
        municipality: org.municipality,
        // The schema's default, stated because Strapi's input types treat a required field as required.
        timezone: org.timezone ?? 'Europe/Moscow',
        isDemo: org.demo ?? false,
        ...(parent ? { parent } : {}),
      },
    });
    bySlug.set(org.slug, doc.documentId);
    created++;
  }
  return { bySlug, created, seeds };
}

export async function seed(strapi: Core.Strapi) {
  const dir = seedsDir(strapi);
  if (!existsSync(path.join(dir, 'organisations.json'))) {
    strapi.log.warn(`Начальные данные не найдены в ${dir}: пропускаю заполнение.`);
    return;
  }
  const started = Date.now();
  const { bySlug, created, seeds } = await seedOrganisations(strapi, dir);
  const roadmapsDir = path.join(dir, 'roadmaps');
  let roadmaps = 0;
  const importer = nastavnikService(strapi, 'roadmap');
  if (existsSync(roadmapsDir)) {
    for (const file of readdirSync(roadmapsDir)
      .filter((f) => f.endsWith('.json'))
      .sort()) {
      const content = JSON.parse(readFileSync(path.join(roadmapsDir, file), 'utf8')) as {
        organisation: string;
        source: string;
        draft: unknown;
        warnings?: unknown[];
      };
      const organisation = bySlug.get(content.organisation);
      if (!organisation) continue;
      // The original document's text makes the fingerprint, so importing the same file later is recognised.
      const documentPath = path.join(dir, 'documents', content.source);
      const sourceText = existsSync(documentPath) ? readFileSync(documentPath, 'utf8') : undefined;
      if (await importer.seedRoadmap(content, organisation, sourceText)) roadmaps++;
    }
  }
  const questionnaires = await seedQuestionnaires(
    strapi,
    seeds.flatMap((o) => {
      const documentId = bySlug.get(o.slug);
      return documentId ? [{ documentId, kind: o.kind }] : [];
    }),
  );
  const demo = await seedDemo(strapi, bySlug);
  const demoCycle = await seedDemoCycle(strapi, bySlug);
  if (created || roadmaps || demo || demoCycle || questionnaires) {
    strapi.log.info(
      `Начальные данные: организаций ${created}, дорожных карт ${roadmaps}, стандартных анкет ${questionnaires}, демо-набор ${demo ? 'создан' : 'уже был'}, этапы цикла ${demoCycle ? 'созданы' : 'уже были'} (${Date.now() - started} мс).`,
    );
  }
}
