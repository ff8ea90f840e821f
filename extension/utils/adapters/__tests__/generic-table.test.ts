// @vitest-environment node
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { genericTableAdapter } from '../generic-table.js';
import { loadDocument } from './load-fixture.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', '__fixtures__', 'generic-table');
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
});
