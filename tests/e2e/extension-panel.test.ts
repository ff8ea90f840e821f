/**
 * The extension in real Chromium against a real Nastavnik server: the side panel reads pages served
 * over http, shows what it found, lets the user fix the column mapping, queues captures, signs in to
 * the real Strapi (booted here on a throw-away database with the demo school), delivers, applies and
 * logs a meeting, and explains failures in Russian. Every outcome is checked in the CMS itself over
 * GraphQL as the demo school's curator.
 *
 * The panel reaches Strapi through a small reverse proxy (helpers/proxy.ts) only so that the test
 * can switch the server off and on under one address; the answers are Strapi's own.
 *
 * Screenshots of the main screens go to test-results/screenshots/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ensureExtensionBuilt,
  type ExtensionBrowser,
  launchWithExtension,
  openSidePanel,
  REPO_ROOT,
  screenshot,
  serveHtml,
  signIn,
  type StaticServer,
} from './helpers/browser.js';
import { type RealCms, signJwt, startRealCms } from './helpers/cms.js';
import { startProxy, type SwitchableProxy } from './helpers/proxy.js';

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

/** The panel signs in as the school's staff member: the role the extension is made for. */
const PANEL_USER = 'demoStaff';
const PASSWORD = 'Fixture1pass';
const CLASS_7A = [
  'Алексеева Варвара Игоревна',
  'Бобров Тимофей Андреевич',
  'Ветрова Злата Романовна',
  'Гусев Ярослав',
];
/** Waiting on the server: a round trip through the background worker to Strapi and back. */
const SERVER = { timeout: 20_000 };

let session: ExtensionBrowser;
let site: StaticServer;
let cms: RealCms;
let proxy: SwitchableProxy;
let page: Page;
let panel: Page;
const panelDialogs: string[] = [];

interface CaptureRow {
  documentId: string;
  idempotencyKey: string;
  kind: string;
  adapter: string;
  sourceUrl: string;
  captureState: string;
  payload: Record<string, unknown>;
}

const CAPTURE_FIELDS = 'documentId idempotencyKey kind adapter sourceUrl captureState payload';

/** Captures stored in the CMS, of one page of the test site or all of them. */
async function captures(path?: string): Promise<CaptureRow[]> {
  const data = await cms.query<{ nastavnikCaptures: CaptureRow[] }>(
    path === undefined
      ? `{ nastavnikCaptures(pagination: { limit: 100 }) { ${CAPTURE_FIELDS} } }`
      : `query($url: String!) { nastavnikCaptures(filters: { sourceUrl: { eq: $url } }, sort: "createdAt:asc") { ${CAPTURE_FIELDS} } }`,
    path === undefined ? {} : { url: `${site.url}${path}` },
  );
  return data.nastavnikCaptures;
}

async function capturesWithKey(key: string): Promise<CaptureRow[]> {
  const data = await cms.query<{ nastavnikCaptures: CaptureRow[] }>(
    `query($key: String!) { nastavnikCaptures(filters: { idempotencyKey: { eq: $key } }) { ${CAPTURE_FIELDS} } }`,
    { key },
  );
  return data.nastavnikCaptures;
}

async function peopleOfClass(
  classOrGroup: string,
): Promise<Array<{ fullName: string; awaitingConsent: boolean; birthDate: string | null }>> {
  const data = await cms.query<{
    nastavnikPersons: Array<{ fullName: string; awaitingConsent: boolean; birthDate: string | null }>;
  }>(
    `query($c: String!) { nastavnikPersons(filters: { classOrGroup: { eq: $c } }, sort: "fullName:asc") { fullName awaitingConsent birthDate } }`,
    { c: classOrGroup },
  );
  return data.nastavnikPersons;
}

/** What the test reads of an outbox entry; the id is the capture's idempotency key. */
interface StoredEntry {
  id: string;
  kind: string;
  sourceUrl: string;
  state: string;
  attempts: number;
  createdAt: number;
}

/** The extension's outbox as it is stored in `storage.local`. */
async function queueEntries(): Promise<StoredEntry[]> {
  const entries = await panel.evaluate(async () => {
    const api = (
      globalThis as unknown as {
        chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };
      }
    ).chrome;
    return (await api.storage.local.get('captureQueue'))['captureQueue'] ?? [];
  });
  return entries as StoredEntry[];
}

/** One item of `storage.local`, as JSON text. */
function storedJson(key: string): Promise<string> {
  return panel.evaluate(async (name) => {
    const api = (
      globalThis as unknown as {
        chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };
      }
    ).chrome;
    return JSON.stringify((await api.storage.local.get(name))[name] ?? null);
  }, key);
}

async function newestEntry(): Promise<StoredEntry> {
  const newest = (await queueEntries()).sort((a, b) => b.createdAt - a.createdAt)[0];
  if (!newest) throw new Error('очередь пуста');
  return newest;
}

async function setSessionToken(token: string): Promise<void> {
  await panel.evaluate(async (value) => {
    const api = (
      globalThis as unknown as {
        chrome: { storage: { session: { set(items: Record<string, unknown>): Promise<void> } } };
      }
    ).chrome;
    await api.storage.session.set({ token: value });
  }, token);
}

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

async function signInAgain(): Promise<void> {
  await signIn(panel, { server: proxy.url, identifier: PANEL_USER, password: PASSWORD });
  // On failure, say what the panel showed instead of only "timed out".
  await panel
    .getByTestId('account')
    .waitFor(SERVER)
    .catch(async (error: unknown) => {
      await screenshot(panel, 'failed-sign-in');
      throw new Error(`Вход не удался, на панели: ${await panel.locator('body').innerText()}`, {
        cause: error,
      });
    });
}

/** Applies the newest capture (the first item of the queue tab); returns what the item says then. */
async function applyFirst(): Promise<string> {
  await openTab('Очередь');
  const item = panel.getByTestId('queue-item').first();
  await expect.poll(() => item.textContent(), SERVER).toContain('Отправлено');
  await item.getByRole('button', { name: 'Применить' }).click();
  await expect.poll(() => item.textContent(), SERVER).toContain('Применено');
  return (await item.textContent()) ?? '';
}

beforeAll(async () => {
  site = await serveHtml(PAGES);
  // Chromium starts while Strapi boots; the build (if the extension is stale) has to come first.
  // Both are kept even when the other fails, so that afterAll stops whatever did start.
  const [launched, booted] = await Promise.allSettled([
    launchWithExtension(ensureExtensionBuilt()),
    startRealCms(),
  ]);
  if (launched.status === 'fulfilled') session = launched.value;
  if (booted.status === 'fulfilled') cms = booted.value;
  for (const result of [launched, booted]) if (result.status === 'rejected') throw result.reason;
  proxy = await startProxy(cms.url);
  page = await session.context.newPage();
  await page.goto(`${site.url}/class-7a`);
  panel = await openSidePanel(session, page);
  panel.on('dialog', (dialog) => {
    panelDialogs.push(dialog.message());
    void dialog.accept();
  });
}, 240_000);

afterAll(async () => {
  // The suite's variables are typed for the tests; beforeAll may have failed before setting any of them.
  await (session as ExtensionBrowser | undefined)?.close();
  await (site as StaticServer | undefined)?.close();
  await (proxy as SwitchableProxy | undefined)?.close();
  await (cms as RealCms | undefined)?.stop();
});

describe('side panel against a real Nastavnik server', () => {
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
    // Nobody has signed in yet: there is no session that could have expired.
    expect(await panel.getByText('Сессия истекла, войдите снова', { exact: true }).count()).toBe(0);
    await screenshot(panel, '04-queued-without-session');
    const stored = await panel.evaluate(async () => {
      const api = (
        globalThis as unknown as { chrome: { storage: { local: { get(key: null): Promise<object> } } } }
      ).chrome;
      return JSON.stringify(await api.storage.local.get(null));
    });
    expect(stored).toContain('Алексеева Варвара Игоревна');
    expect(await captures()).toEqual([]);
  });

  it('refuses a wrong password with the server’s answer in Russian', async () => {
    await signIn(panel, { server: proxy.url, identifier: PANEL_USER, password: 'не тот пароль' });
    await expect.poll(() => panel.getByText('Неверный логин или пароль.').isVisible(), SERVER).toBe(true);
  });

  it('signs in, shows organisation and role, and delivers the queued capture once', async () => {
    await signInAgain();
    await expect.poll(() => panel.getByTestId('account').textContent(), SERVER).toContain('Демо-школа');
    expect(await panel.getByTestId('account').textContent()).toContain('Сотрудник');

    await expect.poll(async () => (await captures('/class-7a')).length, SERVER).toBe(1);
    const [stored] = await captures('/class-7a');
    expect(stored).toMatchObject({ kind: 'roster', adapter: 'generic-table', captureState: 'new' });
    expect(stored?.idempotencyKey).toBe((await newestEntry()).id);

    await openTab('Очередь');
    await expect
      .poll(() => panel.getByTestId('queue-item').first().textContent(), SERVER)
      .toContain('Отправлено');
    await screenshot(panel, '05-queue-sent');

    const storage = await panel.evaluate(async () => {
      interface Area {
        get(key: string | null): Promise<Record<string, unknown>>;
      }
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

  it('applies the class list: the pupils exist in the CMS, awaiting consent, with name and class only', async () => {
    const text = await applyFirst();
    expect(text).toContain('Создано записей: 4');
    expect(text).toContain('ожидают согласия');
    await screenshot(panel, '06-applied');

    const people = await peopleOfClass('7А');
    expect(people.map((person) => person.fullName)).toEqual(CLASS_7A);
    for (const person of people) expect(person).toMatchObject({ awaitingConsent: true, birthDate: null });
    const [stored] = await captures('/class-7a');
    expect(stored?.captureState).toBe('applied');
    // The applied capture keeps no copy of the names.
    expect(JSON.stringify(stored?.payload)).not.toContain('Алексеева');
  });

  it('reads grades from a table with merged header cells and applies them as the end measurement', async () => {
    // The curator has entered one pupil of 8 «Б» with the parents' consent; the others have none.
    await cms.query(
      `mutation($data: NastavnikPersonInput!) { createNastavnikPerson(data: $data) { documentId } }`,
      {
        data: {
          fullName: 'Дмитриева Ксения Олеговна',
          category: 'pupil',
          classOrGroup: '8Б',
          consent: {
            givenBy: 'legal_representative',
            representativeName: 'Дмитриева Ольга Петровна',
            processing: true,
            signedAt: '2025-09-01',
          },
        },
      },
    );

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
    await expect.poll(async () => (await captures('/report')).length, SERVER).toBe(1);
    const [stored] = await captures('/report');
    expect(stored).toMatchObject({ kind: 'grades', captureState: 'new' });
    expect(stored?.payload).toMatchObject({
      kind: 'grades',
      rows: [{ fullName: 'Дмитриева Ксения Олеговна', className: '8Б' }, {}, {}],
    });

    await openTab('Очередь');
    const item = panel.getByTestId('queue-item').first();
    await expect.poll(() => item.textContent(), SERVER).toContain('Отправлено');
    await item.getByLabel('Замер').selectOption('end');
    // The pairs come from the CMS: the demo school's two seeded pairs.
    const pairSelect = item.getByLabel('Пара');
    await expect
      .poll(() => pairSelect.locator('option').allTextContents(), SERVER)
      .toEqual(expect.arrayContaining(['Смирнова – Кузнецов (демо)', 'Волкова и 6 «Б» (демо)']));
    await pairSelect.selectOption({ label: 'Волкова и 6 «Б» (демо)' });
    await screenshot(panel, '08-grades-apply');
    await item.getByRole('button', { name: 'Применить' }).click();
    await expect.poll(() => item.textContent(), SERVER).toContain('Применено');
    const text = (await item.textContent()) ?? '';
    expect(text).toContain('Записано замеров: 3');
    // Without consent on record, or not in the CMS at all: named, not measured.
    expect(text).toContain('Ершов Платон Витальевич');
    expect(text).toContain('Жукова Алиса Денисовна');

    const data = await cms.query<{
      nastavnikProgressRecords: Array<{
        metric: string;
        value: number;
        moment: string;
        source: string;
        pair: { title: string } | null;
      }>;
    }>(
      `{ nastavnikProgressRecords(filters: { person: { fullName: { eq: "Дмитриева Ксения Олеговна" } } }, sort: "metric:asc") {
        metric value moment source pair { title } } }`,
    );
    expect(data.nastavnikProgressRecords).toEqual([
      {
        metric: 'absences',
        value: 12,
        moment: 'end',
        source: 'capture',
        pair: { title: 'Волкова и 6 «Б» (демо)' },
      },
      {
        metric: 'attendance_percent',
        value: 96.5,
        moment: 'end',
        source: 'capture',
        pair: { title: 'Волкова и 6 «Б» (демо)' },
      },
      {
        metric: 'average_grade',
        value: 4.67,
        moment: 'end',
        source: 'capture',
        pair: { title: 'Волкова и 6 «Б» (демо)' },
      },
    ]);
    const others = await cms.query<{ nastavnikProgressRecords: unknown[] }>(
      `{ nastavnikProgressRecords(filters: { person: { fullName: { in: ["Ершов Платон Витальевич", "Жукова Алиса Денисовна"] } } }) { metric } }`,
    );
    expect(others.nastavnikProgressRecords).toEqual([]);
  });

  it('clips an article into a case draft submitted for review, with a sanitised preview', async () => {
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
    await expect.poll(async () => (await captures('/news')).map((c) => c.kind), SERVER).toEqual(['article']);

    const text = await applyFirst();
    expect(text).toContain('Черновик кейса создан');
    const data = await cms.query<{
      nastavnikCases: Array<{
        title: string;
        reviewState: string;
        sourceUrl: string;
        solution: string;
        publishedAt: string | null;
      }>;
    }>(
      `query($url: String!) { nastavnikCases(status: DRAFT, filters: { sourceUrl: { eq: $url } }) { title reviewState sourceUrl solution publishedAt } }`,
      { url: `${site.url}/news` },
    );
    expect(data.nastavnikCases).toHaveLength(1);
    const [draft] = data.nastavnikCases;
    expect(draft).toMatchObject({
      title: 'Итоги программы «Учитель – учитель»',
      reviewState: 'submitted',
      publishedAt: null,
    });
    expect(draft?.solution).toContain('удовлетворённость молодых специалистов');
    expect(draft?.solution).not.toMatch(/<script|<iframe|onclick|javascript:/i);
    // Not public until a methodist approves it.
    const published = await cms.query<{ nastavnikCases: unknown[] }>(
      `query($url: String!) { nastavnikCases(filters: { sourceUrl: { eq: $url } }) { title } }`,
      { url: `${site.url}/news` },
    );
    expect(published.nastavnikCases).toEqual([]);
  });

  it('audits the «Наставничество» section of a school site and records the audit', async () => {
    await analyse('/nastavnichestvo/');
    await pickOffer('Проверка раздела сайта');
    expect(await panel.locator('.audit__item.is-present').count()).toBe(6);
    expect(await panel.locator('.audit__item.is-missing .audit__label').allTextContents()).toEqual([
      'Кейсы и лучшие практики: нет',
      'Как присоединиться (анкета, форма): нет',
      'Результаты и показатели: нет',
    ]);
    await screenshot(panel, '10-site-audit');
    await send();
    const text = await applyFirst();
    expect(text).toContain('найдено 6 из 9');
    const [stored] = await captures('/nastavnichestvo/');
    expect(stored).toMatchObject({ kind: 'site_audit', adapter: 'site-audit', captureState: 'applied' });
  });

  it('turns a road-map table into a draft with the engine warnings, checked again by the CMS', async () => {
    await analyse('/plan');
    await pickOffer('Таблица дорожной карты');
    expect(await panel.locator('.facts dd').allTextContents()).toEqual(['0', '3', '2']);
    expect(await panel.locator('.notice--warning').textContent()).toContain(
      'срок «когда получится» не распознан',
    );
    await screenshot(panel, '11-roadmap');
    await send();
    await expect
      .poll(async () => (await captures('/plan')).map((c) => c.kind), SERVER)
      .toEqual(['roadmap_table']);

    await openTab('Очередь');
    const item = panel.getByTestId('queue-item').first();
    await expect.poll(() => item.textContent(), SERVER).toContain('Отправлено');
    // Staff may bring a road map in, but importing it is the curator's or the methodist's call:
    // the panel passes the CMS's own explanation on, and the capture waits in the CMS.
    await item.getByRole('button', { name: 'Проверить черновик' }).click();
    await expect
      .poll(() => item.textContent(), SERVER)
      .toContain('Не применён: Импортировать дорожные карты могут куратор и методист.');
    expect(await item.textContent()).toContain('Отправлено');
    await screenshot(panel, '11b-roadmap-needs-curator');
    const [stored] = await captures('/plan');
    expect(stored?.captureState).toBe('new');

    // The curator's apply is the same import engine as a dry run: a draft, nothing written yet.
    const applied = await cms.query<{
      nastavnikApplyCapture: { state: string; message: string; createdCount: number };
    }>(`mutation($id: ID!) { nastavnikApplyCapture(documentId: $id) { state message createdCount } }`, {
      id: stored?.documentId,
    });
    expect(applied.nastavnikApplyCapture).toMatchObject({ state: 'new', createdCount: 0 });
    expect(applied.nastavnikApplyCapture.message).toContain(
      'Черновик дорожной карты: мероприятий 3, предупреждений',
    );
    const [drafted] = await captures('/plan');
    // `as unknown`: vitest types its asymmetric matchers as `any`.
    expect(drafted?.payload).toMatchObject({ draft: { activities: expect.any(Array) as unknown } });
    const roadmaps = await cms.query<{ nastavnikRoadmaps: unknown[] }>(
      `{ nastavnikRoadmaps(status: DRAFT, filters: { title: { containsi: "внедрению целевой модели наставничества на 2025 год" } }) { title } }`,
    );
    expect(roadmaps.nastavnikRoadmaps).toEqual([]);
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

  it('keeps a capture while the server is down and delivers it exactly once when it is back', async () => {
    await proxy.goDown();
    await analyse('/class-7a');
    await pickOffer('Список класса');
    await send();
    await expect
      .poll(() => panel.getByTestId('queued-status').textContent(), SERVER)
      .toContain('следующая попытка');
    expect(await panel.getByTestId('queued-status').textContent()).toContain(
      'Сервер «Наставника» недоступен',
    );
    await screenshot(panel, '13-server-down');
    const { id: key } = await newestEntry();
    expect(await capturesWithKey(key)).toEqual([]);

    // The server is back, but the first answer is lost on the way: Strapi stored the capture, the
    // extension did not hear it and keeps the capture for another try with the same key.
    proxy.loseResponses = true;
    await proxy.comeBack();
    await openTab('Очередь');
    const item = panel.getByTestId('queue-item').first();
    const forwardedBefore = proxy.forwarded;
    await item.getByRole('button', { name: 'Повторить' }).click();
    await expect.poll(() => proxy.forwarded, SERVER).toBeGreaterThan(forwardedBefore);
    // «Повторить» reset the attempts before the request went out: one attempt again means it failed.
    await expect
      .poll(async () => (await queueEntries()).find((entry) => entry.id === key), SERVER)
      .toMatchObject({ state: 'queued', attempts: 1 });
    await expect.poll(() => item.textContent(), SERVER).toContain('следующая попытка');
    expect(await capturesWithKey(key)).toHaveLength(1);

    proxy.loseResponses = false;
    await item.getByRole('button', { name: 'Повторить' }).click();
    await expect.poll(() => item.textContent(), SERVER).toContain('Отправлено · уже был на сервере');
    expect(await capturesWithKey(key)).toHaveLength(1);
    expect(await captures('/class-7a')).toHaveLength(2);

    // Applying the same class again adds nobody twice.
    await item.getByRole('button', { name: 'Применить' }).click();
    await expect.poll(() => item.textContent(), SERVER).toContain('Применено');
    expect(await item.textContent()).toContain('уже были в базе: 4');
    expect((await peopleOfClass('7А')).map((person) => person.fullName)).toEqual(CLASS_7A);
  });

  it('says the session ended when the server refuses the token, keeps the capture, and sends it after signing in again', async () => {
    // A token this server did not sign (its secret was changed): the panel cannot tell, Strapi can.
    const userId = await cms.userId(PANEL_USER);
    const foreign = signJwt(
      { id: userId, exp: Math.floor(Date.now() / 1000) + 3600 },
      'a-secret-the-server-does-not-know',
    );
    const refused = await fetch(`${cms.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${foreign}` },
      body: JSON.stringify({ query: '{ nastavnikMe { username } }' }),
    });
    expect(refused.status).toBe(401);
    await setSessionToken(foreign);

    const before = (await captures('/report')).length;
    await analyse('/report');
    await pickOffer('Оценки и посещаемость');
    await send();
    await expect
      .poll(() => panel.getByText('Сессия истекла, войдите снова', { exact: true }).isVisible(), SERVER)
      .toBe(true);
    // The session is dropped as the refusal arrives; the entry is marked a moment later.
    await expect.poll(() => panel.getByTestId('queued-status').textContent()).toContain('ждёт входа');
    await screenshot(panel, '14-session-expired');
    const { id: key } = await newestEntry();
    expect(await capturesWithKey(key)).toEqual([]);

    await signInAgain();
    await expect.poll(async () => (await capturesWithKey(key)).length, SERVER).toBe(1);
    expect(await captures('/report')).toHaveLength(before + 1);
  });

  it('notices a token that has run out before sending anything, and keeps the capture', async () => {
    // A genuine token of this server, signed with its secret, expired ten minutes ago.
    const secret = process.env['JWT_SECRET'];
    if (!secret) throw new Error('bootStrapi sets JWT_SECRET');
    const expired = signJwt(
      { id: await cms.userId(PANEL_USER), exp: Math.floor(Date.now() / 1000) - 600 },
      secret,
    );
    const refused = await fetch(`${cms.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${expired}` },
      body: JSON.stringify({ query: '{ nastavnikMe { username } }' }),
    });
    expect(refused.status).toBe(401);

    const forwardedBefore = proxy.forwarded;
    await setSessionToken(expired);
    await expect
      .poll(() => panel.getByText('Сессия истекла, войдите снова', { exact: true }).isVisible(), SERVER)
      .toBe(true);
    await analyse('/news');
    await pickOffer('Статья');
    await send();
    await expect.poll(() => panel.getByTestId('queued-status').textContent()).toContain('ждёт входа');
    // Nothing went out with the expired token: the panel knew from its expiry.
    expect(proxy.forwarded).toBe(forwardedBefore);
    const { id: key } = await newestEntry();

    await signInAgain();
    await expect.poll(async () => (await capturesWithKey(key)).length, SERVER).toBe(1);
  });

  it('logs a meeting of a pair with both sides’ feedback', async () => {
    await openTab('Встреча');
    const pairSelect = panel.getByLabel('Наставническая пара');
    await expect
      .poll(() => pairSelect.locator('option').allTextContents(), SERVER)
      .toEqual(['Выберите пару', expect.any(String), expect.any(String)]);
    expect(await pairSelect.locator('option').allTextContents()).toEqual(
      expect.arrayContaining(['Смирнова – Кузнецов (демо)', 'Волкова и 6 «Б» (демо)']),
    );
    await pairSelect.selectOption({ label: 'Смирнова – Кузнецов (демо)' });
    await panel.getByLabel('Вид встречи').selectOption('planning');
    await panel.getByLabel('Дата').fill('2025-03-14');
    await panel.getByLabel('Тема').fill('Подготовка открытого урока');
    await panel.getByLabel('Оценка наставника').selectOption('9');
    await panel.getByLabel('Комментарий наставляемого').fill('Понятно, с чего начать');
    await screenshot(panel, '15-meeting');
    await panel.getByRole('button', { name: 'Сохранить встречу' }).click();
    await expect.poll(() => panel.getByText('Встреча сохранена.').isVisible(), SERVER).toBe(true);

    const data = await cms.query<{ nastavnikMeetings: unknown[] }>(
      `{ nastavnikMeetings(filters: { topic: { eq: "Подготовка открытого урока" } }) {
        kind date topic pair { title } mentorFeedback { rating comment } menteeFeedback { rating comment } } }`,
    );
    expect(data.nastavnikMeetings).toEqual([
      {
        kind: 'planning',
        date: '2025-03-14',
        topic: 'Подготовка открытого урока',
        pair: { title: 'Смирнова – Кузнецов (демо)' },
        mentorFeedback: { rating: 9, comment: null },
        menteeFeedback: { rating: null, comment: 'Понятно, с чего начать' },
      },
    ]);
  });

  it('keeps a meeting saved while the server is down in the browser, and sends it when it is back', async () => {
    await openTab('Встреча');
    await panel.getByLabel('Наставническая пара').selectOption({ label: 'Волкова и 6 «Б» (демо)' });
    await panel.getByLabel('Дата').fill('2025-03-21');
    await panel.getByLabel('Тема').fill('Встреча без связи с сервером');
    await proxy.goDown();
    await panel.getByRole('button', { name: 'Сохранить встречу' }).click();
    await expect
      .poll(() => panel.getByText(/будет отправлена, как только сервер станет доступен/).isVisible(), SERVER)
      .toBe(true);
    await expect.poll(() => panel.getByTestId('meeting-queue-item').count()).toBe(1);
    expect(await panel.getByTestId('meeting-queue-item').textContent()).toContain('Будет удалён из браузера');
    expect(await storedJson('meetingQueue')).toContain('Встреча без связи с сервером');

    await proxy.comeBack();
    await panel.getByRole('button', { name: 'Отправить сейчас' }).click();
    await expect.poll(() => panel.getByTestId('meeting-queue-item').count(), SERVER).toBe(0);
    const data = await cms.query<{ nastavnikMeetings: unknown[] }>(
      `{ nastavnikMeetings(filters: { topic: { eq: "Встреча без связи с сервером" } }) { date pair { title } } }`,
    );
    expect(data.nastavnikMeetings).toEqual([
      { date: '2025-03-21', pair: { title: 'Волкова и 6 «Б» (демо)' } },
    ]);
    expect(await storedJson('meetingQueue')).not.toContain('Встреча без связи с сервером');
  });

  it('delivered every capture of this run to the CMS exactly once', async () => {
    const entries = await queueEntries();
    const stored = await captures();
    expect(stored.map((capture) => capture.idempotencyKey).sort()).toEqual(
      entries.map((entry) => entry.id).sort(),
    );
    expect(stored.map((capture) => capture.kind).sort()).toEqual(
      ['article', 'article', 'grades', 'grades', 'roadmap_table', 'roster', 'roster', 'site_audit'].sort(),
    );
  });
});
