// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { auditSite } from '../site-audit.js';
import { loadDocument } from './load-fixture.js';

const SECTION = 'https://school.example/nastavnichestvo/';

function audit(main: string) {
  const url = new URL(SECTION);
  const doc = loadDocument(
    `<!doctype html><html lang="ru"><head><title>Наставничество — МБОУ «СОШ № 3»</title></head>
    <body><header><nav><a href="/">Главная</a></nav></header><main><h1>Наставничество</h1>${main}</main></body></html>`,
    url.href,
  );
  return auditSite(doc, url);
}

function part(result: ReturnType<typeof audit>, key: string) {
  const found = result.parts.find((candidate) => candidate.key === key);
  if (!found) throw new Error(`no part ${key}`);
  return found;
}

const ROADMAP_TABLE = `<h2>План мероприятий на 2024/2025 учебный год</h2>
  <table>
    <tr><th>№ п/п</th><th>Мероприятие</th><th>Срок</th><th>Ответственный</th><th>Результат</th></tr>
    <tr><td>1</td><td>Формирование наставнических пар</td><td>до 01.10.2024</td><td>Куратор</td><td>Приказ</td></tr>
    <tr><td>2</td><td>Итоговая конференция</td><td>май 2025</td><td>Заместитель директора</td><td>Отчёт</td></tr>
  </table>`;

describe('site audit on the section page', () => {
  it('counts a road-map table on the page as the section’s road map', () => {
    const result = audit(ROADMAP_TABLE);
    expect(part(result, 'roadmap')).toMatchObject({ present: true, links: [] });
  });

  it('does not take another table for a road map', () => {
    const result = audit(`<h2>Наставнические пары</h2><table>
      <tr><th>Наставник</th><th>Наставляемый</th><th>Форма</th></tr>
      <tr><td>Белова С. И.</td><td>Ким А. А.</td><td>учитель – учитель</td></tr>
    </table>`);
    expect(part(result, 'roadmap').present).toBe(false);
  });

  it.each([
    [
      'a heading and paragraphs under it',
      `<h2>Контакты куратора</h2>
       <p><strong>Белова Светлана Игоревна</strong>, заместитель директора по учебно-воспитательной работе</p>
       <p>Телефон: <a href="tel:+73452123456">8 (3452) 12-34-56</a>, доб. 105</p>
       <p>Электронная почта: <a href="mailto:belova@gimn5.example">belova@gimn5.example</a></p>`,
      {
        name: 'Белова Светлана Игоревна',
        position: 'заместитель директора по учебно-воспитательной работе',
        phone: '8 (3452) 12-34-56, доб. 105',
        email: 'belova@gimn5.example',
      },
    ],
    [
      'one sentence',
      `<p>Куратор внедрения целевой модели: Орехова Анна Викторовна, тел. +7 (900) 000-00-12,
       <a href="mailto:kurator@school12.example">kurator@school12.example</a></p>`,
      { name: 'Орехова Анна Викторовна', phone: '+7 (900) 000-00-12', email: 'kurator@school12.example' },
    ],
    [
      'the position before the name and an e-mail link worded otherwise',
      `<p>Заместитель директора по УВР, куратор программы: Белова С. И.<br>
       <a href="mailto:belova@gimn5.example?subject=Наставничество">Написать куратору</a></p>`,
      { name: 'Белова С. И.', position: 'Заместитель директора по УВР', email: 'belova@gimn5.example' },
    ],
    [
      'a definition list with the position on a line of its own',
      `<dl><dt>Куратор</dt><dd>Иванов Пётр Сергеевич</dd><dd>учитель физики</dd><dd>тел.: 45-12-34</dd></dl>`,
      { name: 'Иванов Пётр Сергеевич', position: 'учитель физики', phone: '45-12-34' },
    ],
  ])('captures the curator’s contact written as %s', (_shape, main, curator) => {
    const result = audit(main);
    expect(result.curator).toEqual(curator);
    expect(part(result, 'curator').present).toBe(true);
  });

  it('does not take a road map’s «Ответственный: куратор» cell for the curator’s contact', () => {
    expect(audit(ROADMAP_TABLE).curator).toBeUndefined();
  });

  it('reads no contact off the section page', () => {
    const url = new URL('https://school.example/');
    const doc = loadDocument(
      `<!doctype html><title>МБОУ «СОШ № 3»</title><main><p>Куратор: Орехова Анна Викторовна</p>
       <a href="/nastavnichestvo/">Наставничество</a></main>`,
      url.href,
    );
    expect(auditSite(doc, url).curator).toBeUndefined();
  });
});
