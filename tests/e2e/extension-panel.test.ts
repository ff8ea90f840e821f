/**
 * The extension in real Chromium: the side panel reads pages served over http, shows what it
 * found, lets the user fix the column mapping, queues captures, signs in, delivers, applies and
 * logs a meeting, and explains failures in Russian. The CMS is a stub here (tests/e2e/helpers/
 * stub-cms.ts); set NASTAVNIK_E2E_SERVER (+ NASTAVNIK_E2E_USER, NASTAVNIK_E2E_PASSWORD) to also
 * send a capture to a real Nastavnik server.
 *
 * Screenshots of the main screens go to test-results/screenshots/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ExtensionBrowser,
  launchWithExtension,
  openSidePanel,
  REPO_ROOT,
  screenshot,
  serveHtml,
  signIn,
  type StaticServer,
} from './helpers/browser.js';
import { startStubCms, STUB_USER, type StubCms } from './helpers/stub-cms.js';

const FIXTURES = join(REPO_ROOT, 'extension/utils/adapters/__fixtures__');
const fixture = (path: string): string => readFileSync(join(FIXTURES, path), 'utf8');

const PAGES: Record<string, string> = {
  '/class-7a': fixture('generic-table/class-list.html'),
  '/report': fixture('generic-table/merged-header.html'),
  '/news': fixture('article/news-item.html'),
  '/nastavnichestvo/': fixture('site-audit/section-page.html'),
  '/plan': fixture('roadmap-table/municipal-plan.html'),
  '/hostile': fixture('generic-table/hostile.html'),
  '/weather':
    '<!doctype html><html lang="ru"><head><title>Погода</title></head><body><p>Сегодня солнечно.</p></body></html>',
};

let session: ExtensionBrowser;
let site: StaticServer;
let cms: StubCms;
let page: Page;
let panel: Page;
const panelDialogs: string[] = [];

async function openTab(name: 'Страница' | 'Очередь' | 'Встреча'): Promise<void> {
  await panel.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
}

/** Navigates the page beside the panel and runs detection there. */
async function analyse(path: string): Promise<void> {
  await page.goto(`${site.url}${path}`);
  await page.bringToFront();
  await openTab('Страница');
  await expect.poll(() => panel.locator('.page-card__url').textContent()).toContain('127.0.0.1');
  await expect.poll(() => panel.locator('.page-card__title').textContent()).toBe(await page.title());
  await panel.getByRole('button', { name: 'Найти данные' }).click();
}

async function pickOffer(kindLabel: string): Promise<void> {
  await panel.locator('.offer', { hasText: kindLabel }).first().click();
  await panel.getByRole('button', { name: 'Отправить в «Наставник»' }).waitFor();
}

async function send(): Promise<void> {
  await panel.getByRole('button', { name: 'Отправить в «Наставник»' }).click();
  await panel.getByTestId('queued-status').waitFor();
}

beforeAll(async () => {
  site = await serveHtml(PAGES);
  cms = await startStubCms();
  session = await launchWithExtension();
  page = await session.context.newPage();
  await page.goto(`${site.url}/class-7a`);
  panel = await openSidePanel(session, page);
  panel.on('dialog', (dialog) => {
    panelDialogs.push(dialog.message());
    void dialog.accept();
  });
}, 180_000);

afterAll(async () => {
  await session?.close();
  await site?.close();
  await cms?.close();
});

describe('side panel', () => {
  it('opens as Chrome side panel in Russian with the sign-in form', async () => {
    await expect
      .poll(() => panel.getByRole('heading', { name: 'Вход в «Наставник»' }).isVisible())
      .toBe(true);
    expect(await panel.locator('html').getAttribute('lang')).toBe('ru');
    await screenshot(panel, '01-sign-in');
  });

  it('detects the class table on the page and shows the column mapping', async () => {
    await analyse('/class-7a');
    await panel.locator('.offer').first().waitFor();
    const offers = await panel.locator('.offer__summary').allTextContents();
    expect(offers[0]).toContain('Список класса');
    await screenshot(panel, '02-offers');

    await pickOffer('Список класса');
    const selects = panel.locator('.data-table thead select');
    await expect.poll(() => selects.count()).toBe(5);
    const roles = await selects.evaluateAll((elements) =>
      elements.map((element) => (element as HTMLSelectElement).value),
    );
    expect(roles).toEqual(['index', 'full_name', 'class_name', 'birth_date', 'ignore']);
    expect(await panel.getByTestId('accepted-rows').textContent()).toBe('4 строки');
    await screenshot(panel, '03-mapping');
  });

  it('lets the user correct the mapping and refuses to send without a name column', async () => {
    const nameColumn = panel.getByLabel('Что в столбце «ФИО обучающегося»');
    await nameColumn.selectOption('ignore');
    await expect.poll(() => panel.getByText('Нельзя отправить').isVisible()).toBe(true);
    expect(await panel.getByRole('button', { name: 'Отправить в «Наставник»' }).isDisabled()).toBe(true);
    await nameColumn.selectOption('full_name');
    await expect
      .poll(() => panel.getByRole('button', { name: 'Отправить в «Наставник»' }).isDisabled())
      .toBe(false);
  });

  it('keeps a capture made without a session in the queue', async () => {
    await send();
    await expect.poll(() => panel.getByTestId('queued-status').textContent()).toContain('ждёт входа');
    await screenshot(panel, '04-queued-without-session');
    const stored = await panel.evaluate(async () => {
      const api = (
        globalThis as unknown as { chrome: { storage: { local: { get(key: null): Promise<object> } } } }
      ).chrome;
      return JSON.stringify(await api.storage.local.get(null));
    });
    expect(stored).toContain('Алексеева Варвара Игоревна');
  });

  it('signs in, shows organisation and role, and delivers the queued capture once', async () => {
    await signIn(panel, { server: cms.url, ...STUB_USER });
    await expect.poll(() => panel.getByTestId('account').textContent()).toContain('СОШ № 1');
    expect(await panel.getByTestId('account').textContent()).toContain('Куратор');
    await expect.poll(() => cms.captures.length).toBe(1);
    expect(cms.captures[0]).toMatchObject({
      kind: 'roster',
      adapter: 'generic-table',
      sourceUrl: `${site.url}/class-7a`,
    });

    await openTab('Очередь');
    await expect.poll(() => panel.getByTestId('queue-item').first().textContent()).toContain('Отправлено');
    await screenshot(panel, '05-queue-sent');

    const storage = await panel.evaluate(async () => {
      type Area = { get(key: string | null): Promise<Record<string, unknown>> };
      const api = (globalThis as unknown as { chrome: { storage: { local: Area; session: Area } } }).chrome;
      return {
        local: JSON.stringify(await api.storage.local.get(null)),
        token: (await api.storage.session.get('token'))['token'],
      };
    });
    expect(typeof storage.token).toBe('string');
    expect(storage.local).not.toContain(String(storage.token));
    // Delivered: the pupils' names are no longer kept in the browser.
    expect(storage.local).not.toContain('Алексеева Варвара Игоревна');
  });

  it('applies the capture in the CMS', async () => {
    await panel.getByRole('button', { name: 'Применить' }).first().click();
    await expect.poll(() => panel.getByTestId('queue-item').first().textContent()).toContain('Применено');
    expect(await panel.getByTestId('queue-item').first().textContent()).toContain('Создано записей: 4');
    expect(cms.captures[0]?.state).toBe('applied');
    await screenshot(panel, '06-applied');
  });

  it('reads grades from a table with merged header cells and applies them as the end measurement', async () => {
    await analyse('/report');
    await pickOffer('Оценки и посещаемость');
    const roles = await panel
      .locator('.data-table thead select')
      .evaluateAll((elements) => elements.map((element) => (element as HTMLSelectElement).value));
    expect(roles).toEqual([
      'full_name',
      'grade',
      'grade',
      'grade',
      'average_grade',
      'absences',
      'ignore',
      'attendance_percent',
    ]);
    await screenshot(panel, '07-grades-mapping');
    await send();
    await expect.poll(() => cms.captures.length).toBe(2);
    expect(cms.captures[1]?.payload).toMatchObject({
      kind: 'grades',
      rows: [{ fullName: 'Дмитриева Ксения Олеговна', className: '8Б' }, {}, {}],
    });

    await openTab('Очередь');
    const item = panel.getByTestId('queue-item').first();
    await item.getByLabel('Замер').selectOption('end');
    await item.getByLabel('Пара').selectOption('pair-1');
    await screenshot(panel, '08-grades-apply');
    await item.getByRole('button', { name: 'Применить' }).click();
    await expect.poll(() => item.textContent()).toContain('Применено');
  });

  it('clips an article into a case draft with a sanitised preview', async () => {
    await analyse('/news');
    await pickOffer('Статья');
    const body = panel.getByTestId('article-body');
    expect(await panel.getByLabel('Заголовок кейса').inputValue()).toBe(
      'Итоги программы «Учитель – учитель»',
    );
    const html = await body.innerHTML();
    expect(html).toContain('удовлетворённость молодых специалистов');
    expect(html).not.toMatch(/<script|<iframe|onclick|javascript:/i);
    expect(html).toContain('target="_blank"');
    await screenshot(panel, '09-article');
    await send();
    await expect.poll(() => cms.captures.at(-1)?.kind).toBe('article');
  });

  it('audits the «Наставничество» section of a school site', async () => {
    await analyse('/nastavnichestvo/');
    await pickOffer('Проверка раздела сайта');
    expect(await panel.locator('.audit__item.is-present').count()).toBe(6);
    expect(await panel.locator('.audit__item.is-missing .audit__label').allTextContents()).toEqual([
      'Кейсы и лучшие практики: нет',
      'Как присоединиться (анкета, форма): нет',
      'Результаты и показатели: нет',
    ]);
    await screenshot(panel, '10-site-audit');
  });

  it('turns a road-map table into a draft with the engine warnings', async () => {
    await analyse('/plan');
    await pickOffer('Таблица дорожной карты');
    expect(await panel.locator('.facts dd').allTextContents()).toEqual(['0', '3', '2']);
    expect(await panel.locator('.notice--warning').textContent()).toContain(
      'срок «когда получится» не распознан',
    );
    await screenshot(panel, '11-roadmap');
    await send();
    await expect.poll(() => cms.captures.at(-1)?.kind).toBe('roadmap_table');
  });

  it('reads only text from a hostile page and runs nothing', async () => {
    await analyse('/hostile');
    await pickOffer('Список класса');
    const cells = await panel.locator('.data-table tbody').textContent();
    expect(cells).toContain('Кузнецова Лиана');
    expect(cells).not.toContain('Скрытый Текст');
    // The page's markup reaches the panel as text only: nothing from it became an element there.
    expect(cells).toContain('<script>alert(1)</script>');
    expect(await panel.locator('.data-table script, .data-table img, .data-table a').count()).toBe(0);
    expect(await panel.getByTestId('accepted-rows').textContent()).toBe('2 строки');
    expect(await panel.locator('.notice--warning').textContent()).toContain('разметка или код');
    expect(panelDialogs).toEqual([]);
  });

  it('says so when the page has nothing to capture', async () => {
    await analyse('/weather');
    await expect
      .poll(() => panel.getByText('На странице не найдено подходящих данных').isVisible())
      .toBe(true);
    await screenshot(panel, '12-nothing-found');
  });

  it('keeps a capture when the server is down and delivers it once the server is back', async () => {
    cms.down = true;
    const before = cms.captures.length;
    await analyse('/class-7a');
    await pickOffer('Список класса');
    await send();
    await expect
      .poll(() => panel.getByTestId('queued-status').textContent(), { timeout: 15_000 })
      .toContain('следующая попытка');
    expect(await panel.getByTestId('queued-status').textContent()).toContain('Ошибка на сервере (503)');
    await screenshot(panel, '13-server-down');

    cms.down = false;
    await openTab('Очередь');
    await panel.getByTestId('queue-item').first().getByRole('button', { name: 'Повторить' }).click();
    await expect.poll(() => panel.getByTestId('queue-item').first().textContent()).toContain('Отправлено');
    expect(cms.captures.length).toBe(before + 1);
  });

  it('says the session expired, keeps the capture, and sends it after signing in again', async () => {
    cms.expireTokens();
    const before = cms.captures.length;
    await analyse('/report');
    await pickOffer('Оценки и посещаемость');
    await send();
    await expect
      .poll(() => panel.getByText('Сессия истекла, войдите снова', { exact: true }).isVisible())
      .toBe(true);
    expect(await panel.getByTestId('queued-status').textContent()).toContain('ждёт входа');
    await screenshot(panel, '14-session-expired');

    await signIn(panel, { server: cms.url, ...STUB_USER });
    await expect.poll(() => cms.captures.length).toBe(before + 1);
  });

  it('logs a meeting of a pair', async () => {
    await openTab('Встреча');
    await panel.getByLabel('Наставническая пара').selectOption('pair-2');
    await panel.getByLabel('Вид встречи').selectOption('planning');
    await panel.getByLabel('Дата').fill('2025-03-14');
    await panel.getByLabel('Тема').fill('План на четверть');
    await panel.getByLabel('Оценка наставника').selectOption('9');
    await panel.getByLabel('Комментарий наставляемого').fill('Понятно, с чего начать');
    await screenshot(panel, '15-meeting');
    await panel.getByRole('button', { name: 'Сохранить встречу' }).click();
    await expect.poll(() => panel.getByText('Встреча сохранена.').isVisible()).toBe(true);
    expect(cms.meetings).toEqual([
      {
        pair: 'pair-2',
        kind: 'planning',
        date: '2025-03-14',
        topic: 'План на четверть',
        mentorRating: 9,
        menteeComment: 'Понятно, с чего начать',
      },
    ]);
    // Idempotency: every capture sent in this run reached the CMS exactly once.
    const keys = cms.captures.map((capture) => capture.idempotencyKey);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

const realServer = process.env['NASTAVNIK_E2E_SERVER'];

describe.skipIf(!realServer)('against a real Nastavnik server (NASTAVNIK_E2E_SERVER)', () => {
  it('signs in, sends the class list and applies it', async () => {
    await panel
      .getByRole('button', { name: 'Выйти' })
      .click()
      .catch(() => undefined);
    await signIn(panel, {
      server: realServer ?? '',
      identifier: process.env['NASTAVNIK_E2E_USER'] ?? '',
      password: process.env['NASTAVNIK_E2E_PASSWORD'] ?? '',
    });
    await panel.getByTestId('account').waitFor({ timeout: 30_000 });
    await analyse('/class-7a');
    await pickOffer('Список класса');
    await send();
    await openTab('Очередь');
    const item = panel.getByTestId('queue-item').first();
    await expect.poll(() => item.textContent(), { timeout: 30_000 }).toContain('Отправлено');
    await item.getByRole('button', { name: 'Применить' }).click();
    await expect.poll(() => item.textContent(), { timeout: 30_000 }).toContain('Применено');
  });
});
