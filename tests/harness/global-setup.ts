/**
 * One real Strapi per test run. Test files run in workers and reach it only over HTTP; what they need
 * to know (the URL, the seeded organisations, users of each role) is handed over with `provide`.
 */
import type { TestProject } from 'vitest/node';
import { bootStrapi, compileHostApp, type BootedStrapi } from './strapi.js';
import { createFixtureUsers, type Fixtures } from './fixtures.js';
import { createFixtureAdmins, type FixtureAdmin } from './admin-fixtures.js';

declare module 'vitest' {
  export interface ProvidedContext {
    strapiUrl: string;
    fixtures: Fixtures;
    admins: Record<string, FixtureAdmin>;
    bootMs: number;
    databaseEnv: Record<string, string>;
  }
}

let booted: BootedStrapi | undefined;

export async function setup(project: TestProject) {
  await compileHostApp();
  booted = await bootStrapi();
  const fixtures = await createFixtureUsers(booted.strapi, booted.url);
  project.provide('strapiUrl', booted.url);
  project.provide('fixtures', fixtures);
  project.provide('admins', await createFixtureAdmins(booted.strapi, booted.url));
  project.provide('bootMs', Math.round(booted.bootMs));
  project.provide('databaseEnv', booted.databaseEnv);
  process.stdout.write(
    `Strapi для тестов: ${booted.url}, запуск ${Math.round(booted.bootMs)} мс (${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'})\n`,
  );
}

export async function teardown() {
  await booted?.stop();
}
