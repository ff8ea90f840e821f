/**
 * The public «Наставничество» pages in Debian's Chromium: every page type, in the ordinary version and
 * in the version for the visually impaired (each colour scheme, large fonts, images off), checked with
 * axe-core against WCAG 2.1 A/AA, reachable by keyboard, styled under the pages' own CSP.
 * Screenshots go to test-results/screenshots/public-*.png.
 */
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embedSnippets } from '@nastavnik/shared';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './helpers/chromium-flags.mjs';
import { bootStrapi, compileHostApp, repoRoot, type BootedStrapi } from '../harness/strapi.js';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const SHOTS = path.join(repoRoot, 'test-results', 'screenshots');
const PREFIX = '/nastavnichestvo';
const DEMO = `${PREFIX}/bor-demo-school/`;

/** name → address: one of every page type, then the same types in the accessible version. */
const PAGES: Array<readonly [string, string]> = [
  ['index', `${PREFIX}/`],
  ['home', DEMO],
  ['municipal', `${PREFIX}/bor-uoimp/`],
  ['roadmap', `${DEMO}dorozhnaya-karta/`],
  ['programmes', `${DEMO}programmy/`],
  ['kpis', `${DEMO}pokazateli/`],
  ['cases', `${DEMO}luchshie-praktiki/`],
  ['case', `${DEMO}luchshie-praktiki/demo-drobi/`],
  ['news', `${DEMO}novosti/`],
  ['library-search', `${PREFIX}/luchshie-praktiki/?q=${encodeURIComponent('дробям')}`],
  ['join', `${DEMO}stat-uchastnikom/`],
  ['not-found', `${PREFIX}/no-such-school/`],
  ['vi-home-bw', `${DEMO}?vi=1-bw-img`],
  ['vi-roadmap-wb', `${DEMO}dorozhnaya-karta/?vi=2-wb-img`],
  ['vi-kpis-blue', `${DEMO}pokazateli/?vi=3-blue-noimg`],
  ['vi-case-wb', `${DEMO}luchshie-praktiki/demo-drobi/?vi=3-wb-noimg`],
  ['vi-news-blue', `${DEMO}novosti/?vi=2-blue-img`],
  ['vi-municipal-bw', `${PREFIX}/bor-uoimp/?vi=2-bw-noimg`],
  ['vi-index-wb', `${PREFIX}/?vi=1-wb-img`],
  ['vi-join-blue', `${DEMO}stat-uchastnikom/?vi=2-blue-img`],
  ['vi-library-wb', `${DEMO}luchshie-praktiki/?vi=2-wb-img&q=${encodeURIComponent('шестиклассники')}`],
  ['embed-home', `${DEMO}?embed=1`],
  ['embed-roadmap-vi', `${DEMO}dorozhnaya-karta/?embed=1&vi=2-wb-img`],
];

interface AxeResult {
  passes: unknown[];
  violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown }> }>;
}

let booted: BootedStrapi;
let browser: Browser;
/** A school's own website on another origin, which embeds the section both ways. */
let host: Server;
let hostUrl = '';

function hostPage(base: string): string {
  const snippets = embedSnippets(`${base}${PREFIX}`, 'bor-demo-school', 'Демо-школа');
  // The school's site has a strict policy of its own: scripts and frames only from the CMS.
  return `<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>Сайт школы</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src ${base}; frame-src ${base}">
</head><body><h1>Сайт школы</h1><h2>Рамкой</h2>${snippets.iframe}<h2>Скриптом</h2>${snippets.script}<p>Подвал сайта школы</p></body></html>`;
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  await compileHostApp();
  host = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(hostPage(booted.url));
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  // localhost, not 127.0.0.1: another origin than the CMS, as a school's site is.
  hostUrl = `http://localhost:${String((host.address() as AddressInfo).port)}`;
  booted = await bootStrapi({ env: { PUBLIC_EMBED_ORIGINS: hostUrl } });
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_FLAGS] });
}, 240_000);

afterAll(async () => {
  // Typed for the tests; beforeAll may have failed before setting them.
  await (browser as Browser | undefined)?.close();
  await (booted as BootedStrapi | undefined)?.stop();
  (host as Server | undefined)?.closeAllConnections();
  (host as Server | undefined)?.close();
});

async function axe(page: Page): Promise<AxeResult> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const run = (
      window as unknown as {
        axe: { run(context: Document, options: unknown): Promise<AxeResult> };
      }
    ).axe;
    return run.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
  });
}

describe('public pages in Chromium', () => {
  it.each(PAGES)('%s has no WCAG 2.1 AA violations', async (name, address) => {
    // axe is injected as a script, which the pages' CSP rightly refuses.
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    try {
      const res = await page.goto(`${booted.url}${address}`);
      expect(res?.status()).toBe(name === 'not-found' ? 404 : 200);
      await page.screenshot({ path: path.join(SHOTS, `public-${name}.png`), fullPage: true });
      const { violations, passes } = await axe(page);
      // The rules did run: even the shortest page passes several of them.
      expect(passes.length).toBeGreaterThan(5);
      const summary = violations.map(
        (v) => `${v.id} (${v.impact ?? ''}): ${v.help} ${JSON.stringify(v.nodes.map((n) => n.target))}`,
      );
      expect(summary).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('is styled and readable under its own CSP, with no request refused', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const refused: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') refused.push(message.text());
    });
    try {
      await page.goto(`${booted.url}${DEMO}dorozhnaya-karta/`);
      const background = await page.evaluate(
        () => getComputedStyle(document.querySelector('.site-header') ?? document.body).backgroundColor,
      );
      expect(background).toBe('rgb(11, 61, 115)');
      expect(refused).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('searches the case library from its form, with the found words marked', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    try {
      await page.goto(`${booted.url}${DEMO}luchshie-praktiki/`);
      await page.getByLabel('Поиск по кейсам').fill('старшеклассницы дробям');
      await page.getByLabel('Форма наставничества').selectOption('pupil_pupil');
      await page.getByRole('button', { name: 'Найти' }).click();
      await page.waitForURL(/q=/);
      expect(await page.getByRole('status').textContent()).toContain('Найдено кейсов: 1');
      expect(await page.locator('mark').allTextContents()).toEqual(
        expect.arrayContaining(['Старшеклассница']),
      );
      await page.screenshot({ path: path.join(SHOTS, 'public-search.png'), fullPage: true });
      await page.getByLabel('Поиск по кейсам').fill('космонавтика');
      await page.getByLabel('Поиск по кейсам').press('Enter');
      await page.waitForURL(/q=%D0%BA%D0%BE%D1%81/);
      expect(await page.getByRole('status').textContent()).toContain('Ничего не найдено');
    } finally {
      await context.close();
    }
  });

  it('takes applications from the join form: invalid, minor without representative, valid', async () => {
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    try {
      await page.goto(`${booted.url}${DEMO}stat-uchastnikom/`);
      // A person needs a few seconds; the form refuses anything faster.
      await page.waitForTimeout(3_100);
      await page.getByLabel('Наставником').check();
      await page.getByLabel('Эл. почта').fill('неправильно');
      await page.getByRole('button', { name: 'Отправить заявку' }).click();
      await page.waitForSelector('.error-summary');
      const summary = await page.locator('.error-summary').textContent();
      expect(summary).toContain('Укажите фамилию, имя и отчество.');
      expect(summary).toContain('Адрес эл. почты указан неверно');
      expect(summary).toContain('Без согласия на обработку персональных данных');
      await page.screenshot({ path: path.join(SHOTS, 'public-join-invalid.png'), fullPage: true });
      expect((await axe(page)).violations.map((v) => v.id)).toEqual([]);
      // The summary leads to the field in error.
      await page.locator('.error-summary a', { hasText: 'Укажите фамилию' }).click();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('join-fullName');

      await page.getByLabel('Наставляемым').check();
      await page.getByLabel('Фамилия, имя, отчество').fill('Тестов Миша');
      await page.getByLabel('Кто вы').selectOption('pupil');
      await page.getByLabel('Дата рождения').fill('2014-02-03');
      await page.getByLabel('Эл. почта').fill('parent@example.ru');
      await page.getByLabel('Я согласен(на)').check();
      await page.getByRole('button', { name: 'Отправить заявку' }).click();
      await page.waitForSelector('.error-summary');
      const minor = await page.locator('.error-summary').textContent();
      expect(minor).toContain('Участнику нет 18 лет: укажите ФИО законного представителя');
      await page.screenshot({ path: path.join(SHOTS, 'public-join-minor.png'), fullPage: true });

      await page.getByLabel('ФИО законного представителя').fill('Тестова Ольга Ивановна');
      await page.getByLabel('Законный представитель согласен').check();
      await page.getByLabel('Я согласен(на)').check();
      await page.getByRole('button', { name: 'Отправить заявку' }).click();
      await page.waitForURL(/otpravleno=1/);
      expect(await page.getByRole('status').textContent()).toContain('Заявка отправлена');
      await page.screenshot({ path: path.join(SHOTS, 'public-join-sent.png'), fullPage: true });
    } finally {
      await context.close();
    }
  });

  it('can be used by keyboard: the skip link comes first, focus is visible, links lead on', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    try {
      await page.goto(`${booted.url}${DEMO}`);
      await page.keyboard.press('Tab');
      const first = await page.evaluate(() => ({
        text: document.activeElement?.textContent,
        outline: getComputedStyle(document.activeElement ?? document.body).outlineStyle,
      }));
      expect(first.text).toBe('Перейти к основному содержанию');
      expect(first.outline).toBe('solid');
      await page.screenshot({ path: path.join(SHOTS, 'public-focus-skip-link.png') });
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
      // The switch to the accessible version is the next stop after the site name links.
      await page.goto(`${booted.url}${DEMO}`);
      const order: string[] = [];
      for (let i = 0; i < 5; i++) {
        await page.keyboard.press('Tab');
        order.push((await page.evaluate(() => document.activeElement?.textContent)) ?? '');
      }
      expect(order).toContain('Версия для слабовидящих');
      await page.getByRole('link', { name: 'Версия для слабовидящих' }).press('Enter');
      await page.waitForURL(/vi=1-bw-img/);
      await page.getByRole('link', { name: 'Белым по чёрному' }).click();
      await page.getByRole('link', { name: 'Дорожная карта' }).first().click();
      expect(page.url()).toContain('dorozhnaya-karta/?vi=1-wb-img');
      await page.screenshot({ path: path.join(SHOTS, 'public-vi-navigation.png') });
      expect(await context.cookies()).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('embeds in a school site on another origin: both snippets show the section and size themselves', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const refused: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') refused.push(message.text());
    });
    try {
      await page.goto(hostUrl);
      const frames = page.locator('iframe[data-nastavnik-embed]');
      await expect.poll(() => frames.count(), { timeout: 15_000 }).toBe(2);
      for (const index of [0, 1]) {
        const frame = frames.nth(index);
        const inner = frame.contentFrame();
        await expect
          .poll(() => inner.locator('h1').textContent(), { timeout: 15_000 })
          .toContain('Наставничество');
        const content = await inner
          .locator('html')
          .evaluate((html) => Math.ceil(html.getBoundingClientRect().height));
        // The frame grew from its 400–600 px start to the whole page: no scrollbar inside it.
        expect(content).toBeGreaterThan(900);
        await expect.poll(() => frame.evaluate((el) => el.clientHeight), { timeout: 15_000 }).toBe(content);
        // No frame border either: set by the script, since this host forbids inline style attributes.
        expect(await frame.evaluate((el) => getComputedStyle(el).borderTopWidth)).toBe('0px');
      }
      // The embedded copy keeps its own links embedded and has no site frame of its own.
      const first = frames.first().contentFrame();
      expect(await first.getByRole('link', { name: 'Новости' }).first().getAttribute('href')).toContain(
        'embed=1',
      );
      expect(await first.locator('.site-footer').count()).toBe(0);
      expect(refused).toEqual([]);
      await page.screenshot({ path: path.join(SHOTS, 'public-embedded.png'), fullPage: true });
    } finally {
      await context.close();
    }
  });
});
