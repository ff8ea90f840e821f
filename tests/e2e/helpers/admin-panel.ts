/**
 * A Strapi serving its built admin panel, and Chromium signed in to it as a given account: the way
 * people meet the panel. The panel is built once per machine, as `npm start` builds it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { bootStrapi, cmsDir, compileHostApp, repoRoot, type BootedStrapi } from '../../harness/strapi.js';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium-flags.mjs';

export const SHOTS = path.join(repoRoot, 'test-results', 'screenshots');

export async function bootAdminPanel(env: Record<string, string> = {}): Promise<BootedStrapi> {
  mkdirSync(SHOTS, { recursive: true });
  await compileHostApp();
  if (!existsSync(path.join(cmsDir, 'dist', 'build', 'index.html'))) {
    const build = spawnSync('npx', ['strapi', 'build', '--minify'], { cwd: cmsDir, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('strapi build failed');
  }
  return bootStrapi({ serveAdminPanel: true, env });
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_FLAGS] });
}

/** A fresh browser context signed in as `email`; an English browser, as the panel must still speak Russian. */
export async function signedIn(
  browser: Browser,
  url: string,
  email: string,
  password: string,
): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(`${url}/admin/auth/login`);
  await page.fill('input[name=email]', email);
  await page.fill('input[name=password]', password);
  await page.click('button[type=submit]');
  await page.waitForURL(/\/admin(\/)?$/, { timeout: 60_000 });
  return page;
}
