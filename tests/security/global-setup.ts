/**
 * The security suite's own Strapi: the integration harness with a low limit for requests without
 * credentials, so a test can reach it from a second loopback address (127.0.0.1 stays exempt for the
 * matrix and the fuzzing, which ask hundreds of times).
 */
import type { TestProject } from 'vitest/node';
import { bootStrapi, compileHostApp, type BootedStrapi } from '../harness/strapi.js';
import { createFixtureUsers } from '../harness/fixtures.js';
import { createMatrixFixtures, type MatrixFixtures } from './matrix-fixtures.js';

declare module 'vitest' {
  export interface ProvidedContext {
    matrix: MatrixFixtures;
  }
}

export const ANON_RATE_LIMIT = 20;
/** Small, so that the oversized-evidence test sends little. */
export const EVIDENCE_MAX_BYTES = 1024 * 1024;

let booted: BootedStrapi | undefined;

export async function setup(project: TestProject) {
  await compileHostApp();
  booted = await bootStrapi({
    env: {
      ANON_RATELIMIT_MAX: String(ANON_RATE_LIMIT),
      ANON_RATELIMIT_WINDOW_MS: '60000',
      EVIDENCE_MAX_BYTES: String(EVIDENCE_MAX_BYTES),
    },
  });
  const fixtures = await createFixtureUsers(booted.strapi, booted.url);
  project.provide('strapiUrl', booted.url);
  project.provide('fixtures', fixtures);
  project.provide('bootMs', Math.round(booted.bootMs));
  project.provide('matrix', await createMatrixFixtures(booted.strapi, fixtures));
  process.stdout.write(
    `Strapi для тестов безопасности: ${booted.url}, запуск ${Math.round(booted.bootMs)} мс (${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'})\n`,
  );
}

export async function teardown() {
  await booted?.stop();
}
