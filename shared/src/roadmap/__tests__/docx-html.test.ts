import {
  AlignmentType,
  Document,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalMergeType,
} from 'docx';
import { describe, expect, it } from 'vitest';
import { readDocx } from '../docx-reader.js';
import { importRoadmap, importRoadmapHtml } from '../import.js';
import { readText } from '../text-reader.js';
import { docxFromSource, htmlFromSource, textRun } from './build-docs.js';
import { checkSeed, seedText, type SeedId } from './seed-expectations.js';

const ids: SeedId[] = ['000', '001', '002', '003', '004'];

describe('seeds rebuilt as DOCX files', () => {
  it.each(ids)('%s read from a DOCX says the same as its text export', async (id) => {
    const bytes = await docxFromSource(readText(seedText(id)));
    expect([...bytes.slice(0, 2)]).toEqual([0x50, 0x4b]);
    // No name and no type: the format is told by the bytes.
    const result = await importRoadmap({ data: bytes });
    expect(result.ok && result.format).toBe('docx');
    checkSeed(id, result);
  });

  it.each(ids)('%s reads the same through mammoth as through the built-in reader', async (id) => {
    const bytes = await docxFromSource(readText(seedText(id)));
    checkSeed(id, await importRoadmap({ data: bytes, docxReader: 'mammoth' }));
    expect(await readDocx(bytes, 'fast')).toEqual(await readDocx(bytes, 'mammoth'));
  });
});

describe('seeds rebuilt as HTML pages', () => {
  it.each(ids)('%s read from HTML says the same as its text export', async (id) => {
    const html = htmlFromSource(readText(seedText(id)));
    checkSeed(id, importRoadmapHtml(html));
    const viaBytes = await importRoadmap({ data: new TextEncoder().encode(html), filename: 'карта.html' });
    expect(viaBytes.ok && viaBytes.format).toBe('html');
    checkSeed(id, viaBytes);
  });
});

describe('HTML tables as schools publish them', () => {
  // 001 as a school site would show it: «№» and «Этапы» merged down their stage, <ol>/<p> in cells,
  // a responsible cell merged over two rows, and a stage heading spread over the whole row.
  const page = `
    <html><body>
      <h2>Дорожная карта (план мероприятий) по реализации целевой модели наставничества в МБОУ ДО «Школа» на 2022 г.</h2>
      <p>Утверждена приказом директора МБОУ ДО «Школа» от 10.01.2022 № 3-о</p>
      <table>
        <thead><tr><th>№ п/п</th><th>Этапы</th><th>Мероприятие</th><th>Содержание деятельности</th><th>Ответственные</th><th>Сроки</th></tr></thead>
        <tbody>
          <tr><td>1</td><td>2</td><td>3</td><td>4</td><td>5</td><td>6</td></tr>
          <tr>
            <td rowspan="2">1.</td><td rowspan="2">Подготовка условий</td>
            <td>Изучение материалов</td>
            <td><ol><li>Изучение рекомендаций.</li><li>Изучение положений.</li></ol></td>
            <td rowspan="2">Директор, куратор</td><td>01.01.2022 - 15.02.2022</td>
          </tr>
          <tr>
            <td>Подготовка нормативной базы</td>
            <td><p>1. Разработка дорожной карты.</p><p>2. Назначение куратора.</p></td>
            <td>до 15 февраля</td>
          </tr>
          <tr><td colspan="6">Сопровождение (раздел на всю ширину)</td></tr>
          <tr>
            <td>2.</td><td>Формирование базы наставляемых</td><td>Сбор данных</td>
            <td><ul><li>анкетирование</li><li>согласия на обработку данных</li></ul></td>
            <td>Куратор</td><td>Февраль-май 2022</td>
          </tr>
        </tbody>
      </table>
    </body></html>`;

  it('expands merged cells and keeps lists as lists', () => {
    const result = importRoadmapHtml(page);
    if (!result.ok) throw new Error(result.error.message);
    const { draft } = result;
    expect(draft.title).toBe(
      'Дорожная карта (план мероприятий) по реализации целевой модели наставничества в МБОУ ДО «Школа» на 2022 г.',
    );
    expect(draft.organisationName).toBe('МБОУ ДО «Школа»');
    expect(draft.approval).toMatchObject({ orderNumber: '3-о', date: '2022-01-10', approver: 'Директор' });
    expect(draft.period).toMatchObject({ start: 2022, end: 2022, source: 'text' });
    expect(draft.sections.map((s) => [s.code, s.title, s.level])).toEqual([
      ['1.', 'Подготовка условий', 1],
      // A heading across the whole row is a section of its own, like a stage.
      [undefined, 'Сопровождение (раздел на всю ширину)', 1],
      ['2.', 'Формирование базы наставляемых', 1],
    ]);
    expect(
      draft.activities.map((a) => [
        a.code,
        a.title,
        a.stage,
        a.content,
        a.responsible.text,
        a.deadline.windows,
      ]),
    ).toEqual([
      [
        '',
        'Изучение материалов',
        'Подготовка условий',
        ['Изучение рекомендаций.', 'Изучение положений.'],
        'Директор, куратор',
        [{ start: '2022-01-01', end: '2022-02-15' }],
      ],
      [
        '',
        'Подготовка нормативной базы',
        'Подготовка условий',
        ['Разработка дорожной карты.', 'Назначение куратора.'],
        // The merged responsible cell applies to the second row too.
        'Директор, куратор',
        [{ start: null, end: '2022-02-15' }],
      ],
      [
        '',
        'Сбор данных',
        'Формирование базы наставляемых',
        ['анкетирование', 'согласия на обработку данных'],
        'Куратор',
        [{ start: '2022-02-01', end: '2022-05-31' }],
      ],
    ]);
  });

  it('finds the table among other page content and reads a table split in two', () => {
    const split = `
      <nav><a href="/">Главная</a></nav>
      <h1>План мероприятий по внедрению наставничества</h1>
      <table><tr><td>Контакты</td><td>8-800</td></tr></table>
      <table>
        <tr><td>№</td><td>Наименование мероприятий</td><td>Срок реализации</td><td>Ответственный исполнитель</td></tr>
        <tr><td>1</td><td>Назначение куратора</td><td>до 01.09.2021</td><td>Директор</td></tr>
        <tr><td>2</td><td>Разработка положения о</td><td>до 15.09.2021</td><td>Куратор</td></tr>
      </table>
      <table>
        <tr><td></td><td>наставничестве</td><td></td><td></td></tr>
        <tr><td>3</td><td>Анкетирование</td><td>октябрь 2021</td><td>Классные руководители</td></tr>
      </table>`;
    const result = importRoadmapHtml(split);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.draft.activities.map((a) => [a.code, a.title, a.responsible.parsed[0]?.kind])).toEqual([
      ['1', 'Назначение куратора', 'role'],
      ['2', 'Разработка положения о наставничестве', 'role'],
      ['3', 'Анкетирование', 'role'],
    ]);
    expect(result.warnings.map((w) => w.code)).toContain('table_skipped');
  });
});

describe('HTML layout tables', () => {
  it('finds the road map inside a page laid out with a table', () => {
    const page = `
      <table width="100%"><tr>
        <td><a href="/">Главная</a><br><a href="/nast">Наставничество</a></td>
        <td>
          <h2>Дорожная карта внедрения наставничества на 2021 год</h2>
          <table border="1">
            <tr><th>№</th><th>Мероприятие</th><th>Срок</th><th>Ответственный</th></tr>
            <tr><td>1</td><td>Назначение куратора</td><td>до 01.09.2021</td><td>Директор</td></tr>
          </table>
        </td>
      </tr></table>`;
    const result = importRoadmapHtml(page);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.draft.title).toBe('Дорожная карта внедрения наставничества на 2021 год');
    expect(result.draft.activities.map((a) => [a.code, a.title, a.deadline.windows])).toEqual([
      ['1', 'Назначение куратора', [{ start: null, end: '2021-09-01' }]],
    ]);
  });
});

describe('DOCX with merged cells', () => {
  it('reads vertically merged «Ответственные» and stage cells (mammoth rowspan)', async () => {
    const cell = (text: string, merge?: 'restart' | 'continue') =>
      new TableCell({
        children: [new Paragraph({ children: [new TextRun(text)] })],
        ...(merge
          ? { verticalMerge: merge === 'restart' ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE }
          : {}),
      });
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ children: [textRun({ text: 'Дорожная карта на 2023 год', bold: true })] }),
            new Table({
              rows: [
                new TableRow({
                  children: ['№ п/п', 'Этап', 'Мероприятие', 'Ответственный', 'Срок'].map((t) => cell(t)),
                }),
                new TableRow({
                  children: [
                    cell('1.', 'restart'),
                    cell('Подготовка', 'restart'),
                    cell('Приказ'),
                    cell('Директор', 'restart'),
                    cell('январь'),
                  ],
                }),
                new TableRow({
                  children: [
                    cell('', 'continue'),
                    cell('', 'continue'),
                    cell('Положение'),
                    cell('', 'continue'),
                    cell('февраль'),
                  ],
                }),
              ],
            }),
          ],
        },
      ],
    });
    const bytes = new Uint8Array(await Packer.toArrayBuffer(doc));
    for (const docxReader of ['fast', 'mammoth'] as const) {
      const result = await importRoadmap({ data: bytes, filename: 'карта.docx', docxReader });
      if (!result.ok) throw new Error(result.error.message);
      expect(result.draft.sections.map((s) => s.title)).toEqual(['Подготовка']);
      expect(
        result.draft.activities.map((a) => [a.title, a.responsible.text, a.deadline.windows[0]?.start]),
      ).toEqual([
        ['Приказ', 'Директор', '2023-01-01'],
        ['Положение', 'Директор', '2023-02-01'],
      ]);
    }
  });
});

describe('DOCX lists', () => {
  it('numbered and bulleted Word lists read the same through both readers', async () => {
    const doc = new Document({
      numbering: {
        config: [
          {
            reference: 'num',
            levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }],
          },
          {
            reference: 'dot',
            levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.START }],
          },
        ],
      },
      sections: [
        {
          children: [
            new Paragraph({ children: [textRun({ text: 'План мероприятий на 2024 год', bold: true })] }),
            new Paragraph({
              numbering: { reference: 'num', level: 0 },
              children: [new TextRun('Основные положения')],
            }),
            new Table({
              rows: [
                new TableRow({
                  children: ['№', 'Мероприятие', 'Содержание', 'Срок', 'Ответственный'].map(
                    (t) => new TableCell({ children: [new Paragraph(t)] }),
                  ),
                }),
                new TableRow({
                  children: [
                    new TableCell({ children: [new Paragraph('1.')] }),
                    new TableCell({ children: [new Paragraph('Анкетирование')] }),
                    new TableCell({
                      children: [
                        new Paragraph({
                          numbering: { reference: 'num', level: 0 },
                          children: [new TextRun('Подготовка анкет')],
                        }),
                        new Paragraph({
                          numbering: { reference: 'num', level: 0 },
                          children: [new TextRun('Опрос')],
                        }),
                      ],
                    }),
                    new TableCell({ children: [new Paragraph('май')] }),
                    new TableCell({
                      children: [
                        new Paragraph({
                          numbering: { reference: 'dot', level: 0 },
                          children: [new TextRun('Куратор')],
                        }),
                      ],
                    }),
                  ],
                }),
              ],
            }),
          ],
        },
      ],
    });
    const bytes = new Uint8Array(await Packer.toArrayBuffer(doc));
    const fast = await readDocx(bytes, 'fast');
    expect(fast).toEqual(await readDocx(bytes, 'mammoth'));
    const result = await importRoadmap({ data: bytes });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.draft.activities[0]).toMatchObject({
      code: '1.',
      title: 'Анкетирование',
      content: ['Подготовка анкет', 'Опрос'],
      responsible: { text: '- Куратор' },
      deadline: { windows: [{ start: '2024-05-01', end: '2024-05-31' }] },
    });
  });
});
