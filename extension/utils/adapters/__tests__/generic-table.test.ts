// @vitest-environment node
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { genericTableAdapter } from '../generic-table.js';
import { detectOffers } from '../run.js';
import { loadDocument } from './load-fixture.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '__fixtures__');
const fixtures = join(root, 'generic-table');
const url = new URL('https://edu.school-region.example/journal/class?classId=502');

function extract(html: string) {
  return genericTableAdapter.extract(loadDocument(html, url.href), url);
}

describe('generic table adapter', () => {
  it('keeps the class chosen on the page and the period its heading names', () => {
    const { payload } = extract(readFileSync(join(fixtures, 'journal-page.html'), 'utf8'));
    if (payload.kind !== 'grades') throw new Error(`expected grades, got ${payload.kind}`);
    expect(payload.period).toBe('I триместр');
    expect(payload.rows.map((row) => row.className)).toEqual(['5Б', '5Б', '5Б']);
  });

  it('lets the table’s own class column win over the class the page names', () => {
    const { payload } = extract(`<!doctype html><h1>Список 7 «А» класса</h1><table>
      <tr><th>ФИО</th><th>Класс</th></tr>
      <tr><td>Иванова Мария Петровна</td><td>7Б</td></tr>
      <tr><td>Петров Иван Ильич</td><td></td></tr>
    </table>`);
    expect(payload).toMatchObject({
      kind: 'roster',
      rows: [
        { fullName: 'Иванова Мария Петровна', className: '7Б' },
        { fullName: 'Петров Иван Ильич', className: '7А' },
      ],
    });
  });

  it.each([
    'roadmap-table/school-roadmap.html',
    'roadmap-table/municipal-plan.html',
    'site-audit/section-roadmap-table.html',
  ])('does not offer the road map of %s as a class list', (fixture) => {
    const page = new URL('https://school.example/nastavnichestvo/');
    const doc = loadDocument(readFileSync(join(root, fixture), 'utf8'), page.href);
    expect(genericTableAdapter.detect(doc, page)).toBeNull();
    expect(detectOffers(doc, page).offers.map((offer) => offer.adapterId)).not.toContain('generic-table');
  });

  it('offers the class list of a page that also has a road map, and only it', () => {
    const html = `<!doctype html>
      <h2>План мероприятий</h2>
      <table>
        <tr><th>№ п/п</th><th>Мероприятие</th><th>Сроки</th><th>Ответственный</th></tr>
        <tr><td>1</td><td>Формирование наставнических пар</td><td>сентябрь</td><td>Куратор</td></tr>
      </table>
      <h2>Список 6 «А» класса</h2>
      <table>
        <tr><th>№</th><th>ФИО</th><th>Дата рождения</th></tr>
        <tr><td>1</td><td>Иванова Мария Петровна</td><td>12.03.2013</td></tr>
      </table>`;
    const detection = genericTableAdapter.detect(loadDocument(html, url.href), url);
    expect(detection).toMatchObject({ kind: 'roster', tables: [{ index: 1 }] });
    expect(() => genericTableAdapter.extract(loadDocument(html, url.href), url, { tableIndex: 0 })).toThrow(
      'На странице нет таблицы с данными.',
    );
  });
});
