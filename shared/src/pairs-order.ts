/**
 * The order «О закреплении наставнических пар (групп)» that fixes pairs (stage 5 of a programme), as a
 * Word document a director signs: heading, the pairs in a table, control of execution, signature.
 */
import { z } from 'zod';
import { mentoringForms, pairKinds } from './enums.js';

export const pairsOrderSchema = z.object({
  organisationName: z.string().min(1),
  programmeTitle: z.string().min(1),
  form: mentoringForms.schema,
  orderNumber: z.string().trim().min(1, 'укажите номер приказа'),
  orderDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'дата приказа: ожидалась дата ГГГГ-ММ-ДД'),
  curatorName: z.string().nullish(),
  pairs: z
    .array(
      z.object({
        kind: pairKinds.schema,
        mentors: z.array(z.string().min(1)).min(1),
        mentees: z.array(z.string().min(1)).min(1),
      }),
    )
    .min(1, 'в приказе нет ни одной пары: сначала примите предложения подбора'),
});
export type PairsOrder = z.input<typeof pairsOrderSchema>;

export const PAIRS_ORDER_TITLE = 'О закреплении наставнических пар (групп)';

const russianDate = (iso: string) => iso.split('-').reverse().join('.');

export async function pairsOrderDocx(input: PairsOrder): Promise<Uint8Array> {
  const order = pairsOrderSchema.parse(input);
  const d = await import('docx');
  const run = (text: string, strong = false) => {
    const style: { bold?: boolean } = strong ? { bold: true } : {};
    return new d.TextRun({ text, ...style });
  };
  const line = (text: string, options: { bold?: boolean; center?: boolean; after?: number } = {}) =>
    new d.Paragraph({
      children: [run(text, options.bold)],
      ...(options.center ? { alignment: d.AlignmentType.CENTER } : {}),
      spacing: { after: options.after ?? 120 },
    });
  const cell = (texts: readonly string[], strong = false) =>
    new d.TableCell({ children: texts.map((t) => new d.Paragraph({ children: [run(t, strong)] })) });
  const header = new d.TableRow({
    tableHeader: true,
    children: ['№ п/п', 'Наставник', 'Наставляемый (наставляемые)', 'Вид'].map((t) => cell([t], true)),
  });
  const rows = order.pairs.map(
    (p, i) =>
      new d.TableRow({
        children: [cell([`${i + 1}.`]), cell(p.mentors), cell(p.mentees), cell([pairKinds.label(p.kind)])],
      }),
  );
  const doc = new d.Document({
    creator: 'Наставник',
    title: PAIRS_ORDER_TITLE,
    styles: { default: { document: { run: { font: 'Times New Roman', size: 24 } } } },
    sections: [
      {
        children: [
          line(order.organisationName, { bold: true, center: true }),
          line('ПРИКАЗ', { bold: true, center: true, after: 240 }),
          line(`от ${russianDate(order.orderDate)}\t\t\t\t\t\t№ ${order.orderNumber}`, { after: 240 }),
          line(PAIRS_ORDER_TITLE, { bold: true, after: 240 }),
          line(
            `В соответствии с программой наставничества «${order.programmeTitle}» (форма наставничества ` +
              `«${mentoringForms.label(order.form)}»), по итогам анкетирования участников и подбора ` +
              'наставнических пар (групп)',
          ),
          line('ПРИКАЗЫВАЮ:', { bold: true }),
          line('1. Закрепить наставнические пары (группы) в следующем составе:'),
          new d.Table({ rows: [header, ...rows], width: { size: 100, type: d.WidthType.PERCENTAGE } }),
          line(''),
          line(
            '2. Наставникам совместно с наставляемыми в течение месяца составить индивидуальные планы ' +
              'развития и организовать встречи в соответствии с программой наставничества.',
          ),
          line(
            `3. Контроль за исполнением приказа возложить на куратора программы наставничества${
              order.curatorName ? ` ${order.curatorName}` : ''
            }.`,
            { after: 480 },
          ),
          line('Руководитель организации\t\t\t\t____________________'),
        ],
      },
    ],
  });
  return new Uint8Array(await d.Packer.toArrayBuffer(doc));
}
