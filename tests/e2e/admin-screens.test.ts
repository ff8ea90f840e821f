/**
 * The admin panel as the plugin's people use it, in Chromium: a school editor sees its school's news
 * and section and no participants; a municipal methodist sees the schools below and the KPIs on the
 * overview and downloads the analytic note, imports a seed road map's DOCX from disk through the import
 * screen and finds it in the Content Manager, and approves a case on the review screen; a curator sees its own people. Screenshots go to
 * test-results/screenshots/admin-screens-*.png.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOTS, bootAdminPanel, launchChromium, signedIn } from './helpers/admin-panel.js';
import { FIXTURE_ADMIN_PASSWORD, createFixtureAdmins, type FixtureAdmin } from '../harness/admin-fixtures.js';
import type { BootedStrapi } from '../harness/strapi.js';

let booted: BootedStrapi;
let browser: Browser;
let admins: Record<string, FixtureAdmin>;
const pages: Page[] = [];
const docxPath = path.join(tmpdir(), `nastavnik-e2e-${String(process.pid)}-karta.docx`);

const POLL = { timeout: 30_000 };
const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(SHOTS, `admin-screens-${name}.png`), fullPage: true });

async function as(name: string) {
  const account = admins[name];
  if (!account) throw new Error(`Нет тестовой учётной записи ${name}`);
  const page = await signedIn(browser, booted.url, account.email, FIXTURE_ADMIN_PASSWORD);
  pages.push(page);
  return page;
}

async function organisationId(slug: string) {
  const row = (await booted.strapi.db
    .query('plugin::nastavnik.organisation')
    .findOne({ where: { slug }, select: ['documentId'] })) as { documentId: string } | null;
  if (!row) throw new Error(`В начальных данных нет организации ${slug}`);
  return row.documentId;
}

beforeAll(async () => {
  booted = await bootAdminPanel();
  admins = await createFixtureAdmins(booted.strapi, booted.url);
  const demo = await organisationId('bor-demo-school');
  const samara = await organisationId('privolzhye-school-3');
  const news = booted.strapi.documents('plugin::nastavnik.news-item');
  await news.create({
    data: { title: 'Новость демо-школы для проверки', date: '2026-10-01', organisation: demo },
  });
  await news.create({
    data: { title: 'Новость Приволжья для проверки', date: '2026-10-01', organisation: samara },
  });
  await booted.strapi.documents('plugin::nastavnik.case').create({
    data: { title: 'Практика на проверку методисту', organisation: demo, reviewState: 'submitted' },
  });
  // A seed road map as a school keeps it: a DOCX file on disk.
  const [published] = await booted.strapi
    .documents('plugin::nastavnik.roadmap')
    .findMany({ filters: { organisation: { documentId: samara } }, status: 'published', limit: 1 });
  if (!published) throw new Error('Нет опубликованной дорожной карты Приволжья');
  const exported = await fetch(
    `${booted.url}/api/nastavnik/roadmaps/${published.documentId}/export?format=docx`,
  );
  writeFileSync(docxPath, Buffer.from(await exported.arrayBuffer()));
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await (browser as Browser | undefined)?.close();
  await (booted as BootedStrapi | undefined)?.stop();
});

const contentManager = (page: Page, type: string) =>
  page.goto(`${booted.url}/admin/content-manager/collection-types/plugin::nastavnik.${type}`);

describe('a school editor', () => {
  it("sees its school's news and no other school's, and no participants", async () => {
    const page = await as('demoEditorAdmin');
    await contentManager(page, 'news-item');
    await expect.poll(() => page.locator('tbody').textContent(), POLL).toContain('Новость демо-школы');
    expect(await page.locator('tbody').textContent()).not.toContain('Новость Приволжья');
    const nav = (await page.locator('nav').allTextContents()).join(' ');
    expect(nav).toContain('Новости и события');
    expect(nav).toContain('Раздел сайта «Наставничество»');
    expect(nav).not.toContain('Участники');
    await shot(page, 'editor-news');
  });
});

describe('a municipal methodist', () => {
  it('sees the schools below on the overview', async () => {
    const page = await as('borMethodistAdmin');
    await page.goto(`${booted.url}/admin/plugins/nastavnik`);
    await expect
      .poll(() => page.getByRole('heading', { name: 'Наставничество' }).isVisible(), POLL)
      .toBe(true);
    const table = page.getByRole('grid', { name: 'Выполнение дорожных карт' });
    await expect.poll(() => table.textContent(), POLL).toContain('УОиМП г. Бор');
    expect(await page.locator('main').textContent()).toContain('Практика на проверку методисту');
    expect((await page.locator('nav').allTextContents()).join(' ')).not.toContain('Участники');
    // KPIs of the municipality over its schools, and the analytic note in one click.
    const kpis = page.getByRole('grid', { name: /^Показатели \d{4} года: / });
    await expect.poll(() => kpis.textContent(), POLL).toContain('План');
    expect(await kpis.locator('tbody tr').count()).toBeGreaterThan(0);
    const [note] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Скачать: Аналитическая справка (DOCX)' }).click(),
    ]);
    expect(note.suggestedFilename()).toMatch(/^spravka-.+-\d{4}\.docx$/);
    await shot(page, 'overview');
  });

  it('imports a DOCX road map through the import screen and finds it in the Content Manager', async () => {
    const page = await as('borMethodistAdmin');
    await page.goto(`${booted.url}/admin/plugins/nastavnik/import`);
    await page.getByRole('combobox', { name: 'Организация' }).click();
    await page.getByRole('option', { name: 'Демо-школа' }).click();
    await page.setInputFiles('input[type=file]', docxPath);
    await page.getByRole('button', { name: 'Просмотреть' }).click();
    const write = page.getByRole('button', { name: /^Записать \(\d+ мероприятий\)$/ });
    await expect.poll(() => write.isVisible(), POLL).toBe(true);
    expect(
      await page
        .getByRole('grid', { name: /^Мероприятия: \d+$/ })
        .locator('tbody tr')
        .count(),
    ).toBeGreaterThan(5);
    await shot(page, 'import-preview');
    await write.click();
    await expect.poll(() => page.getByText('Дорожная карта записана').isVisible(), POLL).toBe(true);
    await shot(page, 'import-done');
    await page.getByRole('link', { name: 'Открыть в редакторе' }).click();
    await expect.poll(() => page.url(), POLL).toContain('plugin::nastavnik.roadmap/');
    await contentManager(page, 'roadmap');
    const imported = page
      .locator('tbody tr')
      .filter({ hasText: 'Демонстрационная школа г. Бор' })
      .filter({ hasText: 'Приволжье' });
    await expect.poll(() => imported.count(), POLL).toBe(1);
  });

  it('approves a case on the review screen', async () => {
    const page = await as('borMethodistAdmin');
    await page.goto(`${booted.url}/admin/plugins/nastavnik/review`);
    const card = page.getByRole('article').filter({ hasText: 'Практика на проверку методисту' });
    await expect.poll(() => card.isVisible(), POLL).toBe(true);
    await shot(page, 'review');
    await card.getByRole('button', { name: 'Одобрить' }).click();
    await expect.poll(() => page.getByText('одобрен').first().isVisible(), POLL).toBe(true);
    await expect.poll(() => card.count(), POLL).toBe(0);
  });
});

describe('a school curator', () => {
  it('sees its own people', async () => {
    const page = await as('demoCuratorAdmin');
    await contentManager(page, 'person');
    await expect.poll(() => page.locator('tbody').textContent(), POLL).toContain('(демо)');
    await shot(page, 'curator-people');
  });
});

describe('a school editor and the public section', () => {
  async function sectionId() {
    const row = (await booted.strapi.db.query('plugin::nastavnik.site-section').findOne({
      where: { organisation: { slug: 'bor-demo-school' } },
      select: ['documentId'],
    })) as { documentId: string } | null;
    if (!row) throw new Error('Нет раздела сайта демо-школы');
    return row.documentId;
  }

  it('copies the embedding snippets from the section edit view and the embedding screen', async () => {
    const page = await as('demoEditorAdmin');
    await page.goto(
      `${booted.url}/admin/content-manager/collection-types/plugin::nastavnik.site-section/${await sectionId()}`,
    );
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: booted.url });
    const copyIframe = page.getByRole('button', { name: 'Скопировать: Встроить рамкой (iframe)' });
    await expect.poll(() => copyIframe.isVisible(), POLL).toBe(true);
    await copyIframe.click();
    await expect.poll(() => page.getByText('Скопировано').isVisible(), POLL).toBe(true);
    const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
    expect(await clipboard()).toContain('/nastavnichestvo/bor-demo-school/?embed=1');
    await page.getByRole('button', { name: 'Скопировать: Встроить одной строкой (script)' }).click();
    expect(await clipboard()).toContain('data-nastavnik-section="bor-demo-school"');
    await shot(page, 'section-embed-panel');

    await page.goto(`${booted.url}/admin/plugins/nastavnik/embed`);
    await expect
      .poll(() => page.getByRole('heading', { name: 'Встраивание на сайт' }).isVisible(), POLL)
      .toBe(true);
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toContain('Демо-школа');
    // Only the account's organisation: another school's section is not offered.
    expect(main).not.toContain('Приволжье');
    expect(await page.getByLabel('Встроить рамкой (iframe)', { exact: true }).inputValue()).toContain(
      '/nastavnichestvo/bor-demo-school/?embed=1',
    );
    await shot(page, 'embed-screen');
  });

  it("opens a draft of the section in Strapi's Preview, signed for that document", async () => {
    const id = await sectionId();
    // The draft row only: what an editor's unsaved-to-public change is.
    await booted.strapi.db.query('plugin::nastavnik.site-section').update({
      where: { documentId: id, publishedAt: null },
      data: { title: 'Черновик заголовка для предпросмотра' },
    });
    const page = await as('demoEditorAdmin');
    await page.goto(
      `${booted.url}/admin/content-manager/collection-types/plugin::nastavnik.site-section/${id}`,
    );
    const open = page.getByRole('link', { name: /предварительный просмотр|Open preview/i });
    await expect.poll(() => open.isVisible(), POLL).toBe(true);
    await open.click();
    const frame = page.locator('iframe[src*="preview="]');
    await expect.poll(() => frame.count(), POLL).toBe(1);
    await expect
      .poll(() => frame.contentFrame().locator('main').textContent(), POLL)
      .toContain('Черновик заголовка для предпросмотра');
    await shot(page, 'section-preview');
    // The published page has not changed.
    const published = await (await fetch(`${booted.url}/nastavnichestvo/bor-demo-school/`)).text();
    expect(published).not.toContain('Черновик заголовка для предпросмотра');
  });

  it("opens a road map's draft on its version page in Strapi's Preview", async () => {
    const row = (await booted.strapi.db.query('plugin::nastavnik.roadmap').findOne({
      where: { organisation: { slug: 'bor-demo-school' }, publishedAt: { $notNull: true } },
      select: ['documentId'],
    })) as { documentId: string } | null;
    if (!row) throw new Error('Нет опубликованной дорожной карты демо-школы');
    await booted.strapi.db.query('plugin::nastavnik.roadmap').update({
      where: { documentId: row.documentId, publishedAt: null },
      data: { shortTitle: 'Черновик дорожной карты для предпросмотра' },
    });
    const page = await as('demoCuratorAdmin');
    await page.goto(
      `${booted.url}/admin/content-manager/collection-types/plugin::nastavnik.roadmap/${row.documentId}`,
    );
    const open = page.getByRole('link', { name: /предварительный просмотр|Open preview/i });
    await expect.poll(() => open.isVisible(), POLL).toBe(true);
    await open.click();
    const frame = page.locator(`iframe[src*="dorozhnaya-karta/${row.documentId}/?preview="]`);
    await expect.poll(() => frame.count(), POLL).toBe(1);
    const main = () => frame.contentFrame().locator('main').textContent();
    await expect.poll(main, POLL).toContain('Черновик дорожной карты для предпросмотра');
    // The activities of the road map are on the page with the draft.
    expect(await main()).toContain('Выполнение по разделам');
    await shot(page, 'roadmap-preview');
    const published = await (
      await fetch(`${booted.url}/nastavnichestvo/bor-demo-school/dorozhnaya-karta/`)
    ).text();
    expect(published).not.toContain('Черновик дорожной карты для предпросмотра');
  });
});
