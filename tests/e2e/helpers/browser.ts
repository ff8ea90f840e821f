/**
 * Real Chromium with the built «Наставник» extension, driven over CDP, for every browser test. The
 * server the panel talks to is whatever address `signIn(panel, { server, identifier, password })`
 * is given: in the end-to-end suite, the real Strapi booted by helpers/cms.ts.
 *
 * Chromium is Debian's (/usr/bin/chromium); Playwright's own browsers cannot be downloaded here.
 * The browser is started by hand with a DevTools port because the side panel only shows up as a
 * page to a CDP client that connects after it opened (see `openSidePanel`).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_PATH, extensionFlags } from './chromium-flags.mjs';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const CHROMIUM = CHROMIUM_PATH;
/**
 * The e2e build: the production build plus host access to 127.0.0.1 and localhost, because
 * headless Chromium cannot click «Allow» on a permission prompt.
 */
export const EXTENSION_DIR = join(REPO_ROOT, 'extension/.output/chrome-mv3-e2e');
export const SCREENSHOT_DIR = join(REPO_ROOT, 'test-results/screenshots');

/** Newest modification time of the files the extension is built from. */
function newestSource(): number {
  let newest = 0;
  const visit = (path: string): void => {
    if (!existsSync(path)) return;
    const stats = statSync(path);
    if (stats.isDirectory()) {
      for (const name of readdirSync(path)) {
        if (name !== 'node_modules' && name !== '.output' && name !== '.wxt' && name !== '__tests__')
          visit(join(path, name));
      }
    } else {
      newest = Math.max(newest, stats.mtimeMs);
    }
  };
  for (const part of [
    'extension/entrypoints',
    'extension/utils',
    'extension/panel',
    'extension/public',
    'extension/wxt.config.ts',
    'shared/src',
  ]) {
    visit(join(REPO_ROOT, part));
  }
  return newest;
}

/** Builds the e2e variant when it is missing or older than its sources (NASTAVNIK_E2E_REBUILD=1 forces it). */
export function ensureExtensionBuilt(): string {
  const manifest = join(EXTENSION_DIR, 'manifest.json');
  const stale = !existsSync(manifest) || statSync(manifest).mtimeMs < newestSource();
  if (process.env['NASTAVNIK_E2E_REBUILD'] === '1' || stale) {
    const result = spawnSync('npm', ['run', 'build:e2e', '-w', '@nastavnik/extension'], {
      cwd: REPO_ROOT,
      stdio: 'inherit',
      env: process.env,
    });
    if (result.status !== 0) throw new Error('extension e2e build failed');
  }
  return EXTENSION_DIR;
}

export interface ExtensionBrowser {
  /** http://127.0.0.1:<port>, for extra CDP clients. */
  cdpEndpoint: string;
  browser: Browser;
  context: BrowserContext;
  extensionId: string;
  close(): Promise<void>;
}

export async function launchWithExtension(
  extensionDir: string = ensureExtensionBuilt(),
): Promise<ExtensionBrowser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'nastavnik-e2e-'));
  const child: ChildProcess = spawn(
    CHROMIUM,
    [
      ...extensionFlags(extensionDir, userDataDir),
      '--no-default-browser-check',
      '--window-size=1280,900',
      '--lang=ru-RU',
      'about:blank',
    ],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
      // Russian UI locale for dates and number inputs in the screenshots.
      env: { ...process.env, LANGUAGE: 'ru', LANG: 'ru_RU.UTF-8' },
      // A process group of its own, so that `stop` reaches the browser and every helper process.
      detached: true,
    },
  );
  /**
   * Debian's /usr/bin/chromium is a shell script that runs the browser as its child (it does not
   * exec), and the browser has helper processes of its own (zygote, network and storage services)
   * that write to the profile until they exit. Ends the whole group this test started and waits for
   * it to be gone, so the profile can be removed and nothing is left running.
   */
  const stop = async (): Promise<void> => {
    const group = child.pid;
    if (group === undefined) return;
    const alive = (): boolean => {
      try {
        process.kill(-group, 0);
        return true;
      } catch {
        return false;
      }
    };
    for (const [signal, waitMs] of [
      ['SIGTERM', 10_000],
      ['SIGKILL', 5_000],
    ] as const) {
      if (!alive()) break;
      try {
        process.kill(-group, signal);
      } catch {
        break; // gone between the check and the signal
      }
      const deadline = Date.now() + waitMs;
      while (alive() && Date.now() < deadline) await new Promise((done) => setTimeout(done, 50));
    }
    rmSync(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  };
  const wsUrl = await new Promise<string>((resolveUrl, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start:\n${output}`)), 30_000);
    child.stderr?.on('data', (data: Buffer) => {
      output += data.toString();
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`Chromium exited (${code}):\n${output}`)));
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  const cdpEndpoint = new URL(wsUrl).origin.replace('ws:', 'http:');
  try {
    const browser = await chromium.connectOverCDP(cdpEndpoint);
    const context = browser.contexts()[0];
    if (!context) throw new Error('no default browser context');
    const worker =
      context.serviceWorkers().find((sw) => sw.url().startsWith('chrome-extension://')) ??
      (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
    const extensionId = new URL(worker.url()).host;
    return {
      cdpEndpoint,
      browser,
      context,
      extensionId,
      async close() {
        await browser.close().catch(() => undefined);
        await stop();
      },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Opens Chrome's real side panel for the window of `page` and returns it as a Page. The panel
 * opens only from a user gesture, so a click in an extension page calls `chrome.sidePanel.open()`;
 * a second CDP client then sees the panel, which the first one does not.
 */
export async function openSidePanel(session: ExtensionBrowser, page: Page): Promise<Page> {
  const opener = await session.context.newPage();
  await opener.goto(`chrome-extension://${session.extensionId}/sidepanel.html?opener`);
  await opener.evaluate(() => {
    interface ChromeApi {
      windows: { getCurrent(): Promise<{ id?: number }> };
      sidePanel: { open(options: { windowId: number }): Promise<void> };
    }
    const api = (globalThis as unknown as { chrome: ChromeApi }).chrome;
    document.body.addEventListener(
      'click',
      () => {
        void api.windows.getCurrent().then((win) => api.sidePanel.open({ windowId: win.id ?? -1 }));
      },
      { once: true },
    );
  });
  await opener.mouse.click(2, 2);
  const panelUrl = `chrome-extension://${session.extensionId}/sidepanel.html`;
  // A CDP client sees only targets that existed when it connected: wait for the panel first.
  const deadline = Date.now() + 20_000;
  for (;;) {
    const targets = (await (await fetch(`${session.cdpEndpoint}/json/list`)).json()) as Array<{
      type: string;
      url: string;
    }>;
    if (targets.some((target) => target.type === 'page' && target.url === panelUrl)) break;
    if (Date.now() > deadline) throw new Error('side panel did not open');
    await new Promise((done) => setTimeout(done, 100));
  }
  const second = await chromium.connectOverCDP(session.cdpEndpoint);
  const panel = second
    .contexts()
    .flatMap((context) => context.pages())
    .find((candidate) => candidate.url() === panelUrl);
  if (!panel) throw new Error('side panel is not reachable over CDP');
  await opener.close();
  await page.bringToFront();
  await panel.waitForSelector('html[data-ready="true"]');
  return panel;
}

/** The panel page in an ordinary tab: enough for screens that do not read the current page. */
export async function openPanelInTab(session: ExtensionBrowser): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/sidepanel.html`);
  await page.waitForSelector('html[data-ready="true"]');
  return page;
}

export async function signIn(
  panel: Page,
  credentials: { server: string; identifier: string; password: string },
): Promise<void> {
  await panel.getByLabel('Адрес сервера').fill(credentials.server);
  await panel.getByLabel('Логин или эл. почта').fill(credentials.identifier);
  await panel.getByLabel('Пароль').fill(credentials.password);
  await panel.getByRole('button', { name: 'Войти' }).click();
}

/**
 * The whole panel, as tall as its content. The viewport is stretched to the content first (rather
 * than `fullPage`), so sticky elements sit where a user with a tall screen would see them.
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  const original = await page.evaluate(() => ({ width: window.innerWidth, height: window.innerHeight }));
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: original.width, height: Math.max(original.height, height) });
  await page.screenshot({ path });
  await page.setViewportSize(original);
  return path;
}

export interface StaticServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** Serves `pages` (path → HTML) on 127.0.0.1 with a random port. */
export async function serveHtml(pages: Readonly<Record<string, string>>): Promise<StaticServer> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const html = pages[path];
    response.writeHead(html === undefined ? 404 : 200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(html ?? '<!doctype html><title>Не найдено</title><p>Нет такой страницы</p>');
  });
  return listen(server);
}

export async function listen(server: Server): Promise<StaticServer> {
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
