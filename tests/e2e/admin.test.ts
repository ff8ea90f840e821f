/**
 * The admin panel as an editor who has never seen the project meets it: in Russian, every type of the
 * plugin under its Russian name, lists with sensible columns, forms with Russian field labels.
 * Screenshots go to test-results/screenshots/admin-*.png.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOTS, bootAdminPanel, launchChromium, signedIn } from './helpers/admin-panel.js';
import { definitions } from '../../cms/plugin/server/src/content-types/index.js';
import type { BootedStrapi } from '../harness/strapi.js';
const EMAIL = 'admin@test.local';
const PASSWORD = 'AdminPanel1pass';

let booted: BootedStrapi;
let browser: Browser;
let page: Page;

const shot = (name: string) =>
  page.screenshot({ path: path.join(SHOTS, `admin-${name}.png`), fullPage: false });

beforeAll(async () => {
  booted = await bootAdminPanel({ ADMIN_PASSWORD: PASSWORD, ADMIN_EMAIL: EMAIL });
  browser = await launchChromium();
  page = await signedIn(browser, booted.url, EMAIL, PASSWORD);
}, 300_000);

afterAll(async () => {
  // The suite's variables are typed for the tests; beforeAll may have failed before setting any of them.
  await (browser as Browser | undefined)?.close();
  await (booted as BootedStrapi | undefined)?.stop();
});

describe('the admin panel', () => {
  it('speaks Russian to a new administrator, even with an English browser', async () => {
    await page.goto(`${booted.url}/admin/content-manager`);
    await expect
      .poll(() => page.getByRole('heading', { name: 'Контент' }).isVisible(), { timeout: 30_000 })
      .toBe(true);
    await shot('content-manager');
  });

  it('lists every plugin type under its Russian name', async () => {
    const nav = await page.locator('nav').allTextContents();
    const text = nav.join(' ');
    for (const { definition } of definitions)
      expect(text, definition.displayName).toContain(definition.displayName.slice(0, 20));
  });

  it('shows road-map activities with code, title, deadline, responsible and status columns', async () => {
    await page.goto(
      `${booted.url}/admin/content-manager/collection-types/plugin::nastavnik.roadmap-activity`,
    );
    const header = page.locator('thead');
    await expect.poll(() => header.textContent(), { timeout: 30_000 }).toContain('Мероприятие');
    const text = (await header.textContent()) ?? '';
    for (const label of [
      'Номер как в документе',
      'Срок как в документе',
      'Ответственные как в документе',
      'Статус',
    ]) {
      expect(text.toLocaleLowerCase('ru')).toContain(label.toLocaleLowerCase('ru'));
    }
    await expect.poll(() => page.locator('tbody tr').count()).toBeGreaterThan(5);
    await shot('roadmap-activities');
  });

  it('opens a road map with Russian field labels', async () => {
    await page.goto(`${booted.url}/admin/content-manager/collection-types/plugin::nastavnik.roadmap`);
    await page.locator('tbody tr').first().click();
    await expect
      .poll(() => page.getByText('Номер приказа об утверждении').isVisible(), { timeout: 30_000 })
      .toBe(true);
    const labels = (await page.locator('label').allTextContents()).join(' | ');
    for (const label of [
      'Название',
      'Организация',
      'Период: начало',
      'Кем утверждена',
      'Рабочая группа',
      'Мероприятия',
    ]) {
      expect(labels, label).toContain(label);
    }
    await shot('roadmap');
  });

  it('shows Russian labels for enumeration values in lists, filters and forms', async () => {
    const { activityStatuses, personCategories } = await import('@nastavnik/shared');
    await page.goto(`${booted.url}/admin/content-manager/collection-types/plugin::nastavnik.person`);
    await expect.poll(() => page.locator('tbody tr').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    const cells = (await page.locator('tbody').textContent()) ?? '';
    expect(cells).toMatch(new RegExp(Object.values(personCategories.labels).join('|')));
    expect(cells).not.toMatch(/\b(pupil|teacher|student)\b/);

    await page.locator('tbody tr').first().click();
    await expect
      .poll(() => page.getByText('Согласие на обработку ПДн').first().isVisible(), { timeout: 30_000 })
      .toBe(true);
    const category = page.getByRole('combobox', { name: /Категория/ });
    const shown = (await category.textContent()) ?? '';
    expect(Object.values(personCategories.labels)).toContain(shown.trim());
    await category.click();
    const options = (await page.getByRole('option').allTextContents()).map((o) => o.trim());
    for (const label of Object.values(personCategories.labels)) expect(options).toContain(label);
    await shot('person-enum-options');
    await page.keyboard.press('Escape');
    expect(await page.getByText(/pupil — /).count()).toBe(0);

    await page.goto(
      `${booted.url}/admin/content-manager/collection-types/plugin::nastavnik.roadmap-activity`,
    );
    await expect.poll(() => page.locator('tbody tr').count(), { timeout: 30_000 }).toBeGreaterThan(5);
    const statuses = (await page.locator('tbody').textContent()) ?? '';
    expect(statuses).toContain(activityStatuses.labels.planned);
    expect(statuses).not.toMatch(/\bplanned\b/);
    await page.getByRole('button', { name: 'Фильтры' }).click();
    await page.getByRole('combobox', { name: /Выберите поле/ }).click();
    await page.getByRole('option', { name: 'Статус' }).click();
    await page.getByRole('combobox', { name: 'Статус', exact: true }).click();
    const filterOptions = (await page.getByRole('option').allTextContents()).map((o) => o.trim());
    expect(filterOptions.slice(1)).toEqual(Object.values(activityStatuses.labels));
    await shot('activity-filter');
  });

  it('titles an activity edit view with the activity, not «Untitled»', async () => {
    await page.goto(
      `${booted.url}/admin/content-manager/collection-types/plugin::nastavnik.roadmap-activity`,
    );
    await expect.poll(() => page.locator('tbody tr').count(), { timeout: 30_000 }).toBeGreaterThan(5);
    await page.locator('tbody tr').first().click();
    const heading = page.getByRole('heading', { level: 1 });
    await expect
      .poll(() => heading.textContent(), { timeout: 30_000 })
      .not.toMatch(/^(Untitled|Без названия)?$/);
    expect((await heading.textContent())?.length).toBeGreaterThan(10);
    await shot('activity-edit');
  });

  it('shows a person with the consent block', async () => {
    await page.goto(`${booted.url}/admin/content-manager/collection-types/plugin::nastavnik.person`);
    await page.locator('tbody tr').first().click();
    await expect
      .poll(() => page.getByText('Согласие на обработку ПДн').first().isVisible(), { timeout: 30_000 })
      .toBe(true);
    await shot('person');
  });
});
