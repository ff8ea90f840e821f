import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { pairsOrderDocx, PAIRS_ORDER_TITLE } from '../pairs-order.js';

/** The document's visible text, paragraph by paragraph. */
async function textOf(bytes: Uint8Array) {
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')?.async('string');
  return (xml ?? '')
    .split('</w:p>')
    .map((p) => p.replace(/<[^>]+>/g, ''))
    .filter(Boolean);
}

describe('order «О закреплении наставнических пар (групп)»', () => {
  it('lists every pair with its mentors and mentees under the order number and date', async () => {
    const text = await textOf(
      await pairsOrderDocx({
        organisationName: 'МБОУ «Демо-школа»',
        programmeTitle: 'Адаптация молодых педагогов',
        form: 'teacher_teacher',
        orderNumber: '15-од',
        orderDate: '2026-10-01',
        curatorName: 'Смирнова О. В.',
        pairs: [
          { kind: 'pair', mentors: ['Смирнова О. В.'], mentees: ['Кузнецов А. И.'] },
          { kind: 'group', mentors: ['Волкова Д.'], mentees: ['Орлов М.', 'Зайцева П.'] },
        ],
      }),
    );
    expect(text).toContain(PAIRS_ORDER_TITLE);
    expect(text.some((p) => p.startsWith('от 01.10.2026') && p.endsWith('№ 15-од'))).toBe(true);
    expect(text.join('\n')).toContain('форма наставничества «Учитель – учитель»');
    const table = text.slice(text.indexOf('№ п/п'));
    expect(table.slice(0, 13)).toEqual([
      '№ п/п',
      'Наставник',
      'Наставляемый (наставляемые)',
      'Вид',
      '1.',
      'Смирнова О. В.',
      'Кузнецов А. И.',
      'Пара (один на один)',
      '2.',
      'Волкова Д.',
      'Орлов М.',
      'Зайцева П.',
      'Группа',
    ]);
  });

  it('refuses an order without pairs or number', async () => {
    const order = {
      organisationName: 'Школа',
      programmeTitle: 'П',
      form: 'pupil_pupil' as const,
      orderNumber: ' ',
      orderDate: '2026-10-01',
      pairs: [],
    };
    await expect(pairsOrderDocx(order)).rejects.toThrow(/укажите номер приказа/);
  });
});
