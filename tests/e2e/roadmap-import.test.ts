/**
 * Road maps into the CMS from the real side panel, as the demo school's curator, against a real
 * Strapi booted here: (a) a road-map table on a web page is captured, checked as a draft and written,
 * and a second capture of the same table is written as a new version; (b) a road-map file (a DOCX the
 * CMS itself exported from a seeded road map) is chosen from disk, previewed with the engine's
 * warnings, checked on the server and written, then imported again: the duplicate is reported and
 * written as version 2; (c) a road map published as a PDF and linked from a school's «Наставничество»
 * page is fetched from the audit of that page, previewed in the file tab and written. Files the panel
 * must refuse (a broken PDF, a scan, a broken DOCX, empty, too large) and a staff member without the
 * right to import are shown in Russian. Every outcome is checked in the CMS.
 *
 * Screenshots of the new screens go to test-results/screenshots/roadmap-*.png.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ensureExtensionBuilt,
  type ExtensionBrowser,
  launchWithExtension,
  listen,
  openSidePanel,
  REPO_ROOT,
  screenshot,
  serveHtml,
  signIn,
  type StaticServer,
} from './helpers/browser.js';
import { type RealCms, startRealCms } from './helpers/cms.js';

const PLAN_HTML = readFileSync(
  join(REPO_ROOT, 'extension/utils/adapters/__fixtures__/roadmap-table/municipal-plan.html'),
  'utf8',
);
const PLAN_TITLE = 'План мероприятий по внедрению целевой модели наставничества на 2025 год';
const PASSWORD = 'Fixture1pass';
const ORGANISATION = 'bor-demo-school';
/** The seeded road map exported as the DOCX a curator uploads: 16 activities, 7 warnings on import. */
const SEEDED = 'boksitogorsk-dshi';
const SERVER = { timeout: 30_000 };
const PDF_FIXTURES = join(REPO_ROOT, 'shared/src/roadmap/__tests__/pdf');
/** Seed 000 saved as PDF by LibreOffice: 27 activities and 6 indicators over five pages. */
const LINKED_PDF = readFileSync(join(PDF_FIXTURES, 'seed-000-libreoffice.pdf'));
const LINKED_TITLE =
  'План мероприятий (дорожная карта) внедрения методологии (целевой модели) наставничества обучающихся Средней школы № 40';
/** A school's «Наставничество» page whose road map is a PDF file (synthetic; the school is invented). */
const SECTION_PAGE = `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Наставничество — Средняя школа № 40</title></head>
<body><main>
  <h1>Наставничество</h1>
  <p>Целевая модель наставничества внедряется в школе с 2020 года.</p>
  <h2>Нормативные документы</h2>
  <ul>
    <li><a href="/docs/polozhenie.pdf">Положение о наставничестве</a></li>
    <li><a href="/docs/dorozhnaya-karta-2020-2024.pdf">Дорожная карта внедрения целевой модели наставничества (PDF)</a></li>
  </ul>
  <h2>Куратор</h2>
  <p>Куратор внедрения целевой модели: Баева С.Н.</p>
</main></body></html>`;

let session: ExtensionBrowser;
let site: StaticServer;
/** The school site with the section page and the PDF it links to. */
let schoolSite: StaticServer;
let cms: RealCms;
let page: Page;
let panel: Page;
let docx: { name: string; mimeType: string; buffer: Buffer };
let seededTitle: string;

interface RoadmapRow {
  documentId: string;
  title: string;
  version: number;
  roadmapState: string;
  sourceName: string | null;
  activities: Array<{ title: string }>;
}

/** The demo school's road maps in the CMS (imports are drafts until published), newest version first. */
async function roadmaps(title: string): Promise<RoadmapRow[]> {
  const data = await cms.query<{ nastavnikRoadmaps: RoadmapRow[] }>(
    `query($org: String!, $title: String!) {
      nastavnikRoadmaps(status: DRAFT, sort: "version:desc",
        filters: { organisation: { slug: { eq: $org } }, title: { eq: $title } }) {
        documentId title version roadmapState sourceName activities(pagination: { limit: 500 }) { title }
      }
    }`,
    { org: ORGANISATION, title },
  );
  return data.nastavnikRoadmaps;
}

async function roadmapCount(): Promise<number> {
  const data = await cms.query<{ nastavnikRoadmaps: unknown[] }>(
    `query($org: String!) { nastavnikRoadmaps(status: DRAFT, pagination: { limit: 100 }, filters: { organisation: { slug: { eq: $org } } }) { documentId } }`,
    { org: ORGANISATION },
  );
  return data.nastavnikRoadmaps.length;
}

async function captureStates(): Promise<string[]> {
  const data = await cms.query<{ nastavnikCaptures: Array<{ captureState: string }> }>(
    `query($url: String!) { nastavnikCaptures(filters: { sourceUrl: { eq: $url } }, sort: "createdAt:asc") { captureState } }`,
    { url: `${site.url}/plan` },
  );
  return data.nastavnikCaptures.map((capture) => capture.captureState);
}

async function openTab(name: 'Страница' | 'Файл' | 'Очередь'): Promise<void> {
  await panel.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
}

/** Captures the road-map table of the local page and sends it; returns its item in the queue. */
async function captureThePlan(): Promise<Locator> {
  await page.goto(`${site.url}/plan`);
  await page.bringToFront();
  await openTab('Страница');
  await expect.poll(() => panel.locator('.page-card__title').textContent()).toBe(await page.title());
  await panel.getByRole('button', { name: 'Найти данные' }).click();
  await panel.locator('.offer', { hasText: 'Таблица дорожной карты' }).first().click();
  await panel.getByRole('button', { name: 'Отправить в «Наставник»' }).click();
  await panel.getByTestId('queued-status').waitFor();
  await openTab('Очередь');
  const item = panel.getByTestId('queue-item').first();
  await expect.poll(() => item.textContent(), SERVER).toContain('Отправлено');
  return item;
}

async function chooseFile(file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  await openTab('Файл');
  await panel.getByLabel('Файл дорожной карты').setInputFiles(file);
}

beforeAll(async () => {
  site = await serveHtml({ '/plan': PLAN_HTML });
  schoolSite = await listen(
    createServer((request, response) => {
      const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
      if (path === '/docs/dorozhnaya-karta-2020-2024.pdf') {
        response.writeHead(200, { 'content-type': 'application/pdf', 'content-length': LINKED_PDF.length });
        response.end(LINKED_PDF);
        return;
      }
      response.writeHead(path === '/nastavnichestvo/' ? 200 : 404, {
        'content-type': 'text/html; charset=utf-8',
      });
      response.end(path === '/nastavnichestvo/' ? SECTION_PAGE : '<!doctype html><title>Не найдено</title>');
    }),
  );
  const [launched, booted] = await Promise.allSettled([
    launchWithExtension(ensureExtensionBuilt()),
    startRealCms(),
  ]);
  if (launched.status === 'fulfilled') session = launched.value;
  if (booted.status === 'fulfilled') cms = booted.value;
  for (const result of [launched, booted]) if (result.status === 'rejected') throw result.reason;

  // The DOCX is the CMS's own export of a seeded road map of another school, published and so
  // readable and exportable by anyone (the demo school's curator does not see other schools' data).
  const published = await fetch(`${cms.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: `query($org: String!) { nastavnikRoadmaps(filters: { organisation: { slug: { eq: $org } } }) { documentId title } }`,
      variables: { org: SEEDED },
    }),
  });
  const seeded = (
    (await published.json()) as {
      data?: { nastavnikRoadmaps: Array<{ documentId: string; title: string }> };
    }
  ).data ?? { nastavnikRoadmaps: [] };
  const [source] = seeded.nastavnikRoadmaps;
  if (!source) throw new Error(`нет засеянной дорожной карты ${SEEDED}`);
  seededTitle = source.title;
  const exported = await fetch(`${cms.url}/api/nastavnik/roadmaps/${source.documentId}/export?format=docx`);
  if (!exported.ok) throw new Error(`экспорт DOCX: ${exported.status}`);
  docx = {
    name: 'Дорожная карта ДШИ.docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    buffer: Buffer.from(await exported.arrayBuffer()),
  };

  page = await session.context.newPage();
  await page.goto(`${site.url}/plan`);
  panel = await openSidePanel(session, page);
}, 240_000);

afterAll(async () => {
  // The suite's variables are typed for the tests; beforeAll may have failed before setting any of them.
  await (session as ExtensionBrowser | undefined)?.close();
  await (site as StaticServer | undefined)?.close();
  await (schoolSite as StaticServer | undefined)?.close();
  await (cms as RealCms | undefined)?.stop();
});

describe('road maps from the side panel into the CMS', () => {
  it('signs in as the demo school’s curator, and offers the file import as a tab of its own', async () => {
    await signIn(panel, { server: cms.url, identifier: 'demoCurator', password: PASSWORD });
    await expect.poll(() => panel.getByTestId('account').textContent(), SERVER).toContain('Куратор');
    expect(await panel.getByRole('tab').allTextContents()).toEqual([
      'Страница',
      'Файл',
      'Очередь',
      'Встреча',
    ]);
    await openTab('Файл');
    await panel.getByRole('heading', { name: 'Файл дорожной карты' }).waitFor();
    expect(await panel.getByLabel('Файл дорожной карты').getAttribute('accept')).toBe(
      '.docx,.pdf,.html,.htm,.txt',
    );
    await screenshot(panel, 'roadmap-00-file-tab');
  });

  it('checks a road-map table from a page as a draft, then writes it', async () => {
    const item = await captureThePlan();
    await item.getByRole('button', { name: 'Проверить черновик' }).click();
    await expect.poll(() => item.locator('.badge').textContent(), SERVER).toBe('Черновик проверен');
    const checked = (await item.textContent()) ?? '';
    expect(checked).toContain(
      'Черновик дорожной карты: мероприятий 3, предупреждений 2. Проверьте и запишите.',
    );
    expect(checked).not.toContain('Применено');
    expect(await item.getByTestId('duplicate-choice').count()).toBe(0);
    // A dry run: nothing in the CMS yet, and the capture there is still new.
    expect(await roadmaps(PLAN_TITLE)).toEqual([]);
    expect(await captureStates()).toEqual(['new']);
    await screenshot(panel, 'roadmap-01-capture-checked');

    await item.getByRole('button', { name: 'Записать дорожную карту' }).click();
    await expect.poll(() => item.locator('.badge').textContent(), SERVER).toBe('Записано');
    expect(await item.locator('.queue-item__ok').textContent()).toBe(
      'Дорожная карта записана. Записано мероприятий: 3.',
    );
    await screenshot(panel, 'roadmap-02-capture-written');

    const [written, ...others] = await roadmaps(PLAN_TITLE);
    expect(others).toEqual([]);
    expect(written).toMatchObject({ version: 1, roadmapState: 'approved', sourceName: 'page.html' });
    expect(written?.activities.map((activity) => activity.title)).toEqual([
      expect.stringContaining('Мониторинг реализации программ наставничества'),
      'Конкурс «Наставник года»',
      'Методические семинары для кураторов',
    ]);
    expect(await captureStates()).toEqual(['applied']);
  });

  it('offers a choice when the same table is captured again, and writes it as a new version', async () => {
    const item = await captureThePlan();
    await item.getByRole('button', { name: 'Проверить черновик' }).click();
    const choice = item.getByTestId('duplicate-choice');
    await choice.waitFor(SERVER);
    expect(await choice.textContent()).toContain(
      `Этот документ уже записан в «Наставник»: «${PLAN_TITLE}», версия 1.`,
    );
    expect(await choice.getByLabel(/Записать новой версией \(версия 2/).isChecked()).toBe(true);
    await screenshot(panel, 'roadmap-03-capture-duplicate');

    await item.getByRole('button', { name: 'Записать дорожную карту' }).click();
    await expect.poll(() => item.locator('.badge').textContent(), SERVER).toBe('Записано');
    expect(await item.textContent()).toContain('Дорожная карта записана, версия 2.');
    expect(await item.textContent()).toContain('Записано мероприятий: 3.');

    const versions = await roadmaps(PLAN_TITLE);
    expect(versions.map((roadmap) => [roadmap.version, roadmap.roadmapState])).toEqual([
      [2, 'approved'],
      [1, 'archived'],
    ]);
    expect(versions[0]?.activities).toHaveLength(3);
  });

  it('previews a DOCX chosen from disk with the engine’s warnings, checks it on the server and writes it', async () => {
    await chooseFile(docx);
    const preview = panel.getByRole('region', { name: 'Черновик дорожной карты' });
    await preview.waitFor(SERVER);
    expect(await panel.getByTestId('chosen-file').textContent()).toContain(docx.name);
    expect(await preview.locator('.facts dt').allTextContents()).toEqual([
      'Разделов',
      'Мероприятий',
      'Показателей',
      'Замечаний',
    ]);
    const [sections, activities, kpis, warnings] = await preview.locator('.facts dd').allTextContents();
    expect([activities, kpis, warnings]).toEqual(['16', '0', '7']);
    expect(Number(sections)).toBeGreaterThan(0);
    expect(await preview.locator('.roadmap-preview__title').textContent()).toBe(seededTitle);
    expect(await preview.locator('.roadmap-meta').textContent()).toContain('2022');
    expect(await panel.getByTestId('read-by').textContent()).toContain('Документ Word (DOCX)');
    expect(await panel.getByTestId('read-by').textContent()).toContain('разбор в браузере');
    // Each warning says where it points (row, column) and what is wrong, in Russian.
    const warningItems = preview.locator('.import-warning');
    expect(await warningItems.count()).toBe(7);
    const places = await preview.locator('.import-warning__place').allTextContents();
    expect(places.some((place) => /^Строка \d+ · Срок$/.test(place))).toBe(true);
    expect(await preview.locator('.import-warnings').textContent()).toContain('срок не указан');
    expect(await preview.locator('.activities .activity').count()).toBe(16);
    await screenshot(panel, 'roadmap-04-file-preview');

    await panel.getByRole('button', { name: 'Проверить на сервере' }).click();
    await expect.poll(() => panel.getByTestId('read-by').textContent(), SERVER).toContain('разбор сервера');
    expect(
      await panel
        .getByText('Сервер проверил документ: такой дорожной карты в «Наставнике» ещё нет.')
        .isVisible(),
    ).toBe(true);
    expect(await roadmaps(seededTitle)).toEqual([]);
    await screenshot(panel, 'roadmap-05-file-checked');

    await panel.getByRole('button', { name: 'Записать', exact: true }).click();
    const result = panel.getByTestId('import-result');
    await result.waitFor(SERVER);
    expect(await result.textContent()).toContain('Записано мероприятий: 16.');
    await screenshot(panel, 'roadmap-06-file-written');

    const [written, ...others] = await roadmaps(seededTitle);
    expect(others).toEqual([]);
    expect(written).toMatchObject({ version: 1, sourceName: docx.name });
    expect(written?.activities).toHaveLength(16);
  });

  it('reports the same file imported again as a duplicate and writes it as version 2', async () => {
    await panel.getByRole('button', { name: 'Импортировать другой файл' }).click();
    await chooseFile(docx);
    await panel.getByRole('region', { name: 'Черновик дорожной карты' }).waitFor(SERVER);
    // Straight to «Записать», without a check: the CMS refuses to write a duplicate silently.
    await panel.getByRole('button', { name: 'Записать', exact: true }).click();
    const choice = panel.getByTestId('duplicate-choice');
    await choice.waitFor(SERVER);
    expect(await choice.textContent()).toContain(
      `Этот документ уже записан в «Наставник»: «${seededTitle}», версия 1.`,
    );
    expect(await panel.locator('.notice--warning').textContent()).toContain(
      'Документ не записан: такая дорожная карта уже есть.',
    );
    expect(await panel.getByTestId('read-by').textContent()).toContain('документ проверен сервером');
    expect(await roadmaps(seededTitle)).toHaveLength(1);
    await choice.getByLabel(/Заменить прежнюю/).check();
    await choice.getByLabel(/Записать новой версией/).check();
    await screenshot(panel, 'roadmap-07-file-duplicate');

    await panel.getByRole('button', { name: 'Записать', exact: true }).click();
    const result = panel.getByTestId('import-result');
    await result.waitFor(SERVER);
    expect(await result.locator('p').allTextContents()).toEqual([
      `«${seededTitle}», версия 2`,
      'Записано мероприятий: 16. Замечания разбора (7) сохранены вместе с ней. Прежняя версия — в архиве.',
    ]);

    const versions = await roadmaps(seededTitle);
    expect(versions.map((roadmap) => [roadmap.version, roadmap.roadmapState])).toEqual([
      [2, 'approved'],
      [1, 'archived'],
    ]);
    expect(versions[0]?.activities).toHaveLength(16);
  });

  it('refuses a PDF, a broken DOCX, an empty file and one too large to send, saying why', async () => {
    await panel.getByRole('button', { name: 'Импортировать другой файл' }).click();
    const refusal = panel.locator('.notice--error');
    /** The refusal of this file: the one before it stays on screen until this one is read. */
    const refused = async (
      file: { name: string; mimeType: string; buffer: Buffer },
      reason: string,
    ): Promise<void> => {
      await chooseFile(file);
      await expect.poll(() => refusal.textContent(), SERVER).toContain(reason);
      expect(await refusal.count()).toBe(1);
      expect(await refusal.textContent()).toMatch(/^Файл не принят/);
    };
    const bytes = (text: string): Buffer => Buffer.from(text, 'utf8');
    const before = await roadmapCount();

    await refused(
      { name: 'скан.pdf', mimeType: 'application/pdf', buffer: bytes('%PDF-1.7\n%скан') },
      'Файл «скан.pdf» не удалось прочитать как PDF',
    );
    // A real scan: pictures of pages. The browser has no OCR, so the panel says what the file is.
    await refused(
      {
        name: 'скан приказа.pdf',
        mimeType: 'application/pdf',
        buffer: readFileSync(join(PDF_FIXTURES, 'scan-000-page1.pdf')),
      },
      'Файл «скан приказа.pdf» — скан (изображение страниц) без текстового слоя',
    );
    await screenshot(panel, 'roadmap-08-file-pdf');
    await refused(
      { name: 'план.docx', mimeType: docx.mimeType, buffer: bytes('PK\u0003\u0004 не архив') },
      'Файл «план.docx» не удалось прочитать как документ Word (DOCX)',
    );
    await refused(
      { name: 'пусто.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) },
      'Файл «пусто.txt» пуст.',
    );
    // 17 MB and a byte, made inside the panel: through the DevTools protocol Playwright would copy it
    // (base64) for many seconds, and the panel refuses it by its size before reading a byte anyway.
    await openTab('Файл');
    await panel.getByLabel('Файл дорожной карты').evaluate(
      (element, size) => {
        const input = element as HTMLInputElement;
        const transfer = new DataTransfer();
        transfer.items.add(new File([new Uint8Array(size)], 'большой план.docx'));
        input.files = transfer.files;
        input.dispatchEvent(new Event('change', { bubbles: true }));
      },
      17 * 1024 * 1024 + 1,
    );
    await expect
      .poll(() => refusal.textContent(), SERVER)
      .toContain('«большой план.docx» занимает 17 МБ, а панель может отправить на сервер не больше 17 МБ');
    await screenshot(panel, 'roadmap-09-file-too-large');
    // None of them reached the CMS.
    expect(await roadmapCount()).toBe(before);
  });

  it('imports a road map published as a PDF linked from the «Наставничество» page, previewed like a DOCX', async () => {
    await page.goto(`${schoolSite.url}/nastavnichestvo/`);
    await page.bringToFront();
    await openTab('Страница');
    await expect.poll(() => panel.locator('.page-card__title').textContent()).toBe(await page.title());
    await panel.getByRole('button', { name: 'Найти данные' }).click();
    await panel.locator('.offer', { hasText: 'Проверка раздела сайта' }).first().click();
    const importLink = panel.getByRole('button', {
      name: 'Импортировать дорожную карту «Дорожная карта внедрения целевой модели наставничества (PDF)»',
    });
    await importLink.waitFor(SERVER);
    await screenshot(panel, 'roadmap-11-audit-pdf-link');
    await importLink.click();

    // Fetched with the site's permission and read here in the browser, in the file tab.
    const preview = panel.getByRole('region', { name: 'Черновик дорожной карты' });
    await preview.waitFor(SERVER);
    expect(await panel.getByRole('tab', { name: /^Файл/ }).getAttribute('aria-selected')).toBe('true');
    expect(await panel.getByTestId('chosen-file').textContent()).toContain('dorozhnaya-karta-2020-2024.pdf');
    expect(await panel.getByTestId('read-by').textContent()).toContain('Документ PDF');
    expect(await panel.getByTestId('read-by').textContent()).toContain('разбор в браузере');
    const [, activities, kpis] = await preview.locator('.facts dd').allTextContents();
    expect([activities, kpis]).toEqual(['27', '6']);
    expect(await preview.locator('.roadmap-preview__title').textContent()).toBe(LINKED_TITLE);
    // The panel lists the first 20 and says how many there are.
    expect(await preview.locator('.activities .activity').count()).toBe(20);
    expect(await preview.textContent()).toContain('Показаны первые 20 мероприятий из 27.');
    // Warnings of a PDF say on which page their row is printed.
    const places = await preview.locator('.import-warning__place').allTextContents();
    expect(places.some((place) => /^Страница \d+, строка \d+/.test(place))).toBe(true);
    await screenshot(panel, 'roadmap-12-linked-pdf-preview');

    await panel.getByRole('button', { name: 'Записать', exact: true }).click();
    const result = panel.getByTestId('import-result');
    await result.waitFor(SERVER);
    expect(await result.textContent()).toContain('Записано мероприятий: 27.');
    const [written, ...others] = await roadmaps(LINKED_TITLE);
    expect(others).toEqual([]);
    expect(written).toMatchObject({ version: 1, sourceName: 'dorozhnaya-karta-2020-2024.pdf' });
    expect(written?.activities).toHaveLength(27);
  });

  it('shows a staff member the CMS’s reason why only a curator or methodist may import', async () => {
    await panel.getByRole('button', { name: 'Выйти' }).click();
    await signIn(panel, { server: cms.url, identifier: 'demoStaff', password: PASSWORD });
    await expect.poll(() => panel.getByTestId('account').textContent(), SERVER).toContain('Сотрудник');
    await chooseFile(docx);
    await panel.getByRole('region', { name: 'Черновик дорожной карты' }).waitFor(SERVER);
    await panel.getByRole('button', { name: 'Проверить на сервере' }).click();
    await expect
      .poll(() => panel.locator('.notice--error').textContent(), SERVER)
      .toBe('Импортировать дорожные карты могут куратор и методист.');
    await screenshot(panel, 'roadmap-10-file-staff');
    expect(await roadmaps(seededTitle)).toHaveLength(2);
  });
});
