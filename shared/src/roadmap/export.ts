/**
 * The road map back out in the layout schools already print: the approval line, the title and a
 * table «№ п/п | Мероприятие | Содержание | Срок | Ответственный | Результат | Статус | Подтверждение»,
 * with sections as full-width rows. A DOCX written here imports back to the same activities, which
 * is what lets a curator edit the document in Word and load it again.
 * `docx` and `exceljs` are loaded on first use so importing alone does not pull them into a bundle.
 */
import { activityStatuses, type ActivityStatus } from '../enums.js';
import type {
  RoadmapApproval,
  ContingentSnapshotDraft,
  KpiIndicatorDraft,
  RoadmapActivityDraft,
  RoadmapPeriod,
  RoadmapSectionDraft,
} from './schema.js';

/** What the exporters read; a stored road map from the CMS fits as well as a fresh import draft. */
export interface ExportableRoadmap {
  title?: string;
  organisationName?: string;
  approval?: RoadmapApproval;
  period?: RoadmapPeriod;
  sections: ReadonlyArray<
    Pick<RoadmapSectionDraft, 'index' | 'title'> & Partial<Pick<RoadmapSectionDraft, 'code' | 'details'>>
  >;
  activities: ReadonlyArray<
    Pick<RoadmapActivityDraft, 'code' | 'title'> &
      Partial<Pick<RoadmapActivityDraft, 'content' | 'result' | 'sectionIndex' | 'evidence'>> & {
        deadline: { text: string };
        responsible: { text: string };
        status?: ActivityStatus;
      }
  >;
  kpis?: readonly KpiIndicatorDraft[];
  contingent?: readonly ContingentSnapshotDraft[];
}

export const roadmapExportColumns = [
  '№ п/п',
  'Мероприятие',
  'Содержание',
  'Срок',
  'Ответственный',
  'Результат',
  'Статус',
  'Подтверждение',
] as const;

type Section = ExportableRoadmap['sections'][number];
type Activity = ExportableRoadmap['activities'][number];
type Line = { kind: 'section'; section: Section } | { kind: 'activity'; activity: Activity };

/** Sections and activities in document order: each section just before its first activity. */
function lines(roadmap: ExportableRoadmap): Line[] {
  const sections = [...roadmap.sections].sort((a, b) => a.index - b.index);
  const out: Line[] = [];
  let next = 0;
  // The sections not written yet whose index is at most `upTo`, in order.
  const sectionsUpTo = (upTo: number): void => {
    for (let section = sections[next]; section && section.index <= upTo; section = sections[next]) {
      out.push({ kind: 'section', section });
      next += 1;
    }
  };
  for (const activity of roadmap.activities) {
    sectionsUpTo(activity.sectionIndex ?? -1);
    out.push({ kind: 'activity', activity });
  }
  for (const section of sections.slice(next)) out.push({ kind: 'section', section });
  return out;
}

function contentLines(content: Activity['content']): string[] {
  if (content === undefined) return [];
  if (typeof content === 'string') return content ? [content] : [];
  return content.map((item, i) => `${i + 1}. ${item}`);
}

function statusLabel(status: ActivityStatus | undefined): string {
  return activityStatuses.label(status ?? 'planned');
}

function isoToRussian(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}.${m}.${y}`;
}

/** «Период реализации: …» worded so that the import reads the same period (and year counting) back. */
export function periodLine(period: RoadmapPeriod | undefined): string | undefined {
  if (!period) return undefined;
  if (period.source === 'text' && period.text) return `Период реализации: ${period.text}`;
  if (period.start === period.end) return `Период реализации: на ${period.start} г.`;
  return period.academicYear
    ? `Период реализации: с ${period.start} г. по ${period.end} г.`
    : `Период реализации: на ${period.start}-${period.end} годы`;
}

/** The line above the title; composed from the fields when the original wording is not kept. */
export function approvalLine(approval: RoadmapApproval | undefined): string | undefined {
  if (!approval) return undefined;
  if (approval.text) return approval.text;
  const parts = ['Утверждена приказом'];
  if (approval.organisation) parts.push(approval.organisation);
  if (approval.date) parts.push(`от ${isoToRussian(approval.date)}`);
  if (approval.orderNumber) parts.push(`№ ${approval.orderNumber}`);
  return parts.length > 1 ? parts.join(' ') : undefined;
}

function kpiYears(kpis: readonly KpiIndicatorDraft[]): number[] {
  return [...new Set(kpis.flatMap((kpi) => kpi.targets.map((t) => t.year)))].sort((a, b) => a - b);
}

function kpiTitle(kpi: KpiIndicatorDraft): string {
  return kpi.unit ? `${kpi.title}, ${kpi.unit}` : kpi.title;
}

function targetText(kpi: KpiIndicatorDraft, year: number): string {
  const target = kpi.targets.find((t) => t.year === year);
  if (!target) return '';
  const prefix = target.bound === 'min' ? 'не менее ' : target.bound === 'max' ? 'не более ' : '';
  return `${prefix}${String(target.value).replace('.', ',')}`;
}

type Docx = typeof import('docx');

async function loadDocx(): Promise<Docx> {
  return import('docx');
}

/** The road map as a Word document (landscape A4). */
export async function exportRoadmapDocx(roadmap: ExportableRoadmap): Promise<Uint8Array> {
  const d = await loadDocx();
  const w = docxWriters(d);
  const doc = new d.Document({
    creator: 'Наставник',
    title: roadmap.title ?? 'Дорожная карта',
    // Half-points: 11 pt Times New Roman, what school road maps are printed in.
    styles: { default: { document: { run: { font: 'Times New Roman', size: 22 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { orientation: d.PageOrientation.LANDSCAPE },
            margin: { top: 850, bottom: 850, left: 850, right: 850 },
          },
        },
        children: [
          ...docxHeading(d, w, roadmap),
          docxPlan(d, w, roadmap),
          ...docxKpis(d, w, roadmap.kpis ?? []),
        ],
      },
    ],
  });
  return new Uint8Array(await d.Packer.toArrayBuffer(doc));
}

type DocxBlock = InstanceType<Docx['Paragraph']> | InstanceType<Docx['Table']>;
type DocxWriters = ReturnType<typeof docxWriters>;

function docxWriters(d: Docx) {
  // The font is set once as the document default: per-run formatting would triple the XML and with it
  // the time any reader (ours included) needs for a long plan.
  const run = (text: string, options: { bold?: boolean; italics?: boolean } = {}) =>
    new d.TextRun({ text, ...options });
  const paragraphs = (texts: readonly string[], options: { bold?: boolean; italics?: boolean } = {}) =>
    (texts.length > 0 ? texts : ['']).map((text) => new d.Paragraph({ children: [run(text, options)] }));
  const cell = (
    texts: readonly string[],
    options: { bold?: boolean; columnSpan?: number; width?: number } = {},
  ) =>
    new d.TableCell({
      children: paragraphs(texts, { bold: options.bold }),
      ...(options.columnSpan ? { columnSpan: options.columnSpan } : {}),
      ...(options.width ? { width: { size: options.width, type: d.WidthType.PERCENTAGE } } : {}),
    });
  return { run, cell };
}

/** The approval line on the right, the title, the period. */
function docxHeading(d: Docx, { run }: DocxWriters, roadmap: ExportableRoadmap): DocxBlock[] {
  const blocks: DocxBlock[] = [];
  const approval = approvalLine(roadmap.approval);
  if (approval) {
    blocks.push(new d.Paragraph({ alignment: d.AlignmentType.RIGHT, children: [run(approval)] }));
  }
  blocks.push(
    new d.Paragraph({
      alignment: d.AlignmentType.CENTER,
      spacing: { before: 240, after: 240 },
      children: [run(roadmap.title ?? 'Дорожная карта', { bold: true })],
    }),
  );
  const period = periodLine(roadmap.period);
  if (period) blocks.push(new d.Paragraph({ spacing: { after: 240 }, children: [run(period)] }));
  return blocks;
}

function docxPlan(d: Docx, { cell }: DocxWriters, roadmap: ExportableRoadmap): DocxBlock {
  const widths = [6, 20, 22, 10, 13, 13, 7, 9];
  const header = new d.TableRow({
    tableHeader: true,
    children: roadmapExportColumns.map((title, i) => cell([title], { bold: true, width: widths[i] })),
  });
  const rows = lines(roadmap).map((line) => {
    if (line.kind === 'section') {
      const s = line.section;
      return new d.TableRow({
        children: [
          cell([s.code ?? ''], { bold: true }),
          cell([s.title, ...(s.details ?? [])], { bold: true, columnSpan: 7 }),
        ],
      });
    }
    const a = line.activity;
    return new d.TableRow({
      children: [
        cell([a.code]),
        cell([a.title]),
        cell(contentLines(a.content)),
        cell([a.deadline.text]),
        cell([a.responsible.text]),
        cell([a.result ?? '']),
        cell([statusLabel(a.status)]),
        cell([...(a.evidence ?? [])]),
      ],
    });
  });
  return new d.Table({ rows: [header, ...rows], width: { size: 100, type: d.WidthType.PERCENTAGE } });
}

/** The KPI table with one column per year, the formula in italics after the indicator's name. */
function docxKpis(d: Docx, { run, cell }: DocxWriters, kpis: readonly KpiIndicatorDraft[]): DocxBlock[] {
  if (kpis.length === 0) return [];
  const years = kpiYears(kpis);
  const header = new d.TableRow({
    tableHeader: true,
    children: [
      cell(['№ п/п'], { bold: true }),
      cell(['Наименование показателя'], { bold: true }),
      ...years.map((year) => cell([`${year} г.`], { bold: true })),
    ],
  });
  const rows = kpis.map(
    (kpi, i) =>
      new d.TableRow({
        children: [
          cell([kpi.code ?? String(i + 1)]),
          new d.TableCell({
            children: [
              new d.Paragraph({
                children: [
                  run(kpiTitle(kpi)),
                  ...(kpi.formula ? [run(' '), run(`(${kpi.formula})`, { italics: true })] : []),
                ],
              }),
            ],
          }),
          ...years.map((year) => cell([targetText(kpi, year)])),
        ],
      }),
  );
  return [
    new d.Paragraph({
      alignment: d.AlignmentType.CENTER,
      spacing: { before: 360, after: 240 },
      children: [run('Планируемые результаты (показатели эффективности)', { bold: true })],
    }),
    new d.Table({ width: { size: 100, type: d.WidthType.PERCENTAGE }, rows: [header, ...rows] }),
  ];
}

type ExcelModule = typeof import('exceljs');

async function loadExcel(): Promise<ExcelModule> {
  const module = await import('exceljs');
  return (module as unknown as { default?: ExcelModule }).default ?? module;
}

/** The road map as a workbook: the plan, the KPIs and the contingent on separate sheets. */
export async function exportRoadmapXlsx(roadmap: ExportableRoadmap): Promise<Uint8Array> {
  const Excel = await loadExcel();
  const workbook = new Excel.Workbook();
  workbook.creator = 'Наставник';
  addPlanSheet(workbook, roadmap);
  addKpiSheet(workbook, roadmap.kpis ?? []);
  const contingent = roadmap.contingent ?? [];
  if (contingent.length > 0) addContingentSheet(workbook, contingent);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}

type Workbook = InstanceType<ExcelModule['Workbook']>;

const WRAP = { wrapText: true, vertical: 'top' } as const;

function addPlanSheet(workbook: Workbook, roadmap: ExportableRoadmap): void {
  const plan = workbook.addWorksheet('Дорожная карта', {
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  plan.columns = [8, 40, 45, 18, 28, 30, 16, 24].map((width) => ({ width }));
  const last = roadmapExportColumns.length;
  const approval = approvalLine(roadmap.approval);
  if (approval) {
    const row = plan.addRow([approval]);
    plan.mergeCells(row.number, 1, row.number, last);
    row.getCell(1).alignment = { horizontal: 'right', wrapText: true };
  }
  const titleRow = plan.addRow([roadmap.title ?? 'Дорожная карта']);
  plan.mergeCells(titleRow.number, 1, titleRow.number, last);
  titleRow.getCell(1).font = { bold: true, size: 13 };
  titleRow.getCell(1).alignment = { horizontal: 'center', wrapText: true };
  titleRow.height = 36;
  const period = periodLine(roadmap.period);
  if (period) plan.addRow([period]);
  const header = plan.addRow([...roadmapExportColumns]);
  header.font = { bold: true };
  header.alignment = { ...WRAP, horizontal: 'center' };
  plan.views = [{ state: 'frozen', ySplit: header.number }];
  for (const line of lines(roadmap)) {
    if (line.kind === 'section') {
      const s = line.section;
      const row = plan.addRow([s.code ?? '', [s.title, ...(s.details ?? [])].join('\n')]);
      plan.mergeCells(row.number, 2, row.number, last);
      row.font = { bold: true };
      row.alignment = WRAP;
      continue;
    }
    const a = line.activity;
    const row = plan.addRow([
      a.code,
      a.title,
      contentLines(a.content).join('\n'),
      a.deadline.text,
      a.responsible.text,
      a.result ?? '',
      statusLabel(a.status),
      (a.evidence ?? []).join('\n'),
    ]);
    row.alignment = WRAP;
  }
}

function addKpiSheet(workbook: Workbook, kpis: readonly KpiIndicatorDraft[]): void {
  const kpiSheet = workbook.addWorksheet('Показатели');
  const years = kpiYears(kpis);
  kpiSheet.columns = [8, 60, 60, 10, ...years.map(() => 12)].map((width) => ({ width }));
  const kpiHeaderRow = kpiSheet.addRow([
    '№ п/п',
    'Наименование показателя',
    'Формула расчёта',
    'Ед. изм.',
    ...years.map((y) => `${y} г.`),
  ]);
  kpiHeaderRow.font = { bold: true };
  kpiHeaderRow.alignment = { ...WRAP, horizontal: 'center' };
  kpis.forEach((kpi, i) => {
    const row = kpiSheet.addRow([
      kpi.code ?? String(i + 1),
      kpi.title,
      kpi.formula ?? '',
      kpi.unit,
      ...years.map((year) => {
        const target = kpi.targets.find((t) => t.year === year);
        return target ? target.value : null;
      }),
    ]);
    row.alignment = WRAP;
  });
}

/** One column per snapshot, one row per metric named in any of them. */
function addContingentSheet(workbook: Workbook, contingent: readonly ContingentSnapshotDraft[]): void {
  const sheet = workbook.addWorksheet('Контингент');
  sheet.columns = [8, 70, ...contingent.map(() => 18)].map((width) => ({ width }));
  const head = sheet.addRow([
    '№ п/п',
    'Показатель',
    ...contingent.map((s) => `${s.kind === 'fact' ? 'Факт' : 'Прогноз'} ${isoToRussian(s.date)}`),
  ]);
  head.font = { bold: true };
  const labels: Array<{ code?: string; label: string }> = [];
  for (const snapshot of contingent) {
    for (const metric of snapshot.metrics) {
      if (!labels.some((l) => l.code === metric.code && l.label === metric.label)) {
        labels.push({ ...(metric.code ? { code: metric.code } : {}), label: metric.label });
      }
    }
  }
  for (const { code, label } of labels) {
    sheet.addRow([
      code ?? '',
      label,
      ...contingent.map((s) => s.metrics.find((m) => m.code === code && m.label === label)?.value ?? null),
    ]).alignment = WRAP;
  }
}
