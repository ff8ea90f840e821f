import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { exportRoadmapDocx } from '../export.js';
import { importRoadmap, importRoadmapHtml, importRoadmapText } from '../import.js';
import type { ImportResult } from '../schema.js';
import { seedText } from './seed-expectations.js';

function refused(result: ImportResult, code: string): string {
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('unreachable');
  expect(result.error.code).toBe(code);
  // Russian, and it says what to do instead.
  expect(result.error.message).toMatch(/[А-Яа-яЁё]{4,}/);
  return result.error.message;
}

describe('refusals with a clear Russian message', () => {
  it('an empty file', async () => {
    expect(
      refused(await importRoadmap({ data: new Uint8Array(0), filename: 'карта.docx' }), 'empty'),
    ).toMatch(/пуст.*DOCX/);
    refused(await importRoadmap({ data: '   \n\t \n' }), 'empty');
    refused(importRoadmapText(''), 'empty');
    refused(importRoadmapHtml(''), 'empty');
  });

  it('a DOCX that is a broken ZIP', async () => {
    const broken = new Uint8Array(4096);
    broken.set([0x50, 0x4b, 0x03, 0x04]);
    for (let i = 4; i < broken.length; i += 1) broken[i] = (i * 7919) % 251;
    expect(refused(await importRoadmap({ data: broken, filename: 'карта.docx' }), 'docx_invalid')).toMatch(
      /Word/,
    );
  });

  it('a real DOCX cut in half', async () => {
    const bytes = await exportRoadmapDocx({
      sections: [],
      activities: [
        {
          code: '1',
          title: 'Назначение куратора',
          deadline: { text: 'май' },
          responsible: { text: 'Директор' },
        },
      ],
    });
    refused(await importRoadmap({ data: bytes.slice(0, Math.floor(bytes.length / 2)) }), 'docx_invalid');
  });

  it('an Excel workbook renamed to .docx (a ZIP, but not a Word document)', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Лист1').addRow(['№', 'Мероприятие', 'Срок']);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    refused(await importRoadmap({ data: bytes, filename: 'карта.docx' }), 'docx_invalid');
  });

  it('random bytes named .docx', async () => {
    const bytes = Uint8Array.from({ length: 2048 }, (_, i) => (i * 131 + 17) % 256);
    const message = refused(
      await importRoadmap({
        data: bytes,
        filename: 'дорожная карта.docx',
        contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      }),
      'docx_invalid',
    );
    expect(message).toContain('«дорожная карта.docx»');
    expect(message).toMatch(/ожидался ZIP-архив Word/);
  });

  it('a text file named .docx is refused rather than guessed', async () => {
    refused(
      await importRoadmap({ data: new TextEncoder().encode('№\tМероприятие'), filename: 'a.docx' }),
      'docx_invalid',
    );
  });

  it('a PDF that is not readable, or a PDF pasted as text', async () => {
    const pdf = new TextEncoder().encode(
      '%PDF-1.4\n1 0 obj << /Type /XObject /Subtype /Image >> stream\n\u00ff\u00d8\u00ff',
    );
    const message = refused(await importRoadmap({ data: pdf, filename: 'скан.pdf' }), 'pdf_invalid');
    expect(message).toContain('«скан.pdf»');
    expect(message).toMatch(/не удалось прочитать как PDF/);
    refused(await importRoadmap({ data: pdf, filename: 'renamed.docx' }), 'pdf_invalid');
    expect(refused(importRoadmapText('%PDF-1.7 …'), 'pdf_invalid')).toMatch(/fileBase64/);
  });

  it('a Word 97–2003 .doc', async () => {
    const doc = new Uint8Array(1024);
    doc.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(refused(await importRoadmap({ data: doc, filename: 'карта.doc' }), 'doc_not_supported')).toMatch(
      /\.docx/,
    );
  });

  it('binary that is neither a document nor text', async () => {
    const bytes = Uint8Array.from({ length: 1000 }, (_, i) => (i % 7 === 0 ? 0 : (i * 37) % 256));
    refused(await importRoadmap({ data: bytes }), 'unsupported_format');
  });

  it('a page without any table', async () => {
    const html = '<html><body><h1>Наставничество</h1><p>План будет опубликован позже.</p></body></html>';
    expect(refused(importRoadmapHtml(html), 'no_table')).toMatch(/таблиц/);
    refused(await importRoadmap({ data: html }), 'no_table');
    refused(importRoadmapText('Дорожная карта\n\n1. Назначить куратора — до 1 сентября'), 'no_table');
  });

  it('a table whose header names no road-map column', () => {
    const html = '<table><tr><td>Фамилия</td><td>Класс</td></tr><tr><td>Иванов</td><td>5А</td></tr></table>';
    const message = refused(importRoadmapHtml(html), 'no_header');
    expect(message).toMatch(/«Мероприятие»/);
    expect(message).toContain('Фамилия | Класс');
    refused(importRoadmapText('a\tb\tc\n1\t2\t3\n'), 'no_header');
  });

  it('an input over 50 MB, as bytes or as a string', async () => {
    const big = new Uint8Array(50 * 1024 * 1024 + 1);
    expect(refused(await importRoadmap({ data: big, filename: 'x.docx' }), 'too_large')).toMatch(/50 МБ/);
    // 26 M Cyrillic letters are 52 MB in UTF-8.
    refused(await importRoadmap({ data: 'я'.repeat(26 * 1024 * 1024) }), 'too_large');
  });
});

describe('partly readable input is imported with warnings, not refused', () => {
  it('a header-only table gives an empty draft and says so', () => {
    const result = importRoadmapText('№ п/п\tМероприятие\tСрок\tОтветственный\n');
    if (!result.ok) throw new Error(result.error.message);
    expect(result.draft.activities).toEqual([]);
    expect(result.warnings.map((w) => w.code)).toContain('no_activities');
  });

  it('an unreadable deadline and a shifted row are kept as written', () => {
    const text = [
      'Дорожная карта на 2021 год',
      '',
      '№\tМероприятие\tСрок\tОтветственный',
      '1\tНазначение куратора\tкогда получится\tДиректор',
      '2\tАнкетирование\tДиректор\tмарт 2021\tлишняя ячейка',
    ].join('\n');
    const result = importRoadmapText(text);
    if (!result.ok) throw new Error(result.error.message);
    const [first, second] = result.draft.activities;
    expect(first?.deadline).toMatchObject({ text: 'когда получится', kind: 'unknown' });
    expect(result.warnings).toContainEqual(
      expect.objectContaining({ code: 'deadline_unknown', row: 2, cell: 'deadline', severity: 'warning' }),
    );
    expect(second?.rawCells).toHaveLength(4);
    expect(result.warnings).toContainEqual(expect.objectContaining({ code: 'cells_realigned', row: 3 }));
  });

  it('the seed text with its tables removed is refused, not half-read', () => {
    const prose = seedText('003')
      .split('\n')
      .filter((line) => !line.includes('\t'))
      .join('\n');
    refused(importRoadmapText(prose), 'no_table');
  });
});
