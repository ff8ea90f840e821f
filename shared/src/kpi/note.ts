/**
 * The analytic note of the internal monitoring (аналитическая справка) as a Word document: KPIs against
 * their targets with the numbers behind them, participants, satisfaction with response rates, the
 * programme's impact from the two measurements, and road-map progress. Figures only: no person is named.
 */
import { kpiStatuses, mentoringForms, targetBounds, type MentoringForm } from '../enums.js';
import type { KpiRow } from '../contracts/kpi.js';
import { roleLabels, type ParticipantCounts, type Role } from './participants.js';

/** Two measurements of one metric (start and end of the programme) over the mentees measured twice. */
export interface ImpactRow {
  metric: string;
  persons: number;
  startAverage: number;
  endAverage: number;
  improved: number;
  worsened: number;
}

/** Absences and lateness improve by going down; grades, attendance, olympiad results and scales by going up. */
export const lowerIsBetter = (metric: string) => /absen|пропуск|late|опозд/i.test(metric);

const METRIC_LABELS: Readonly<Record<string, string>> = {
  average_grade: 'Средний балл',
  final_grade: 'Итоговая отметка',
  grade: 'Оценка (отметка)',
  absences: 'Пропуски',
  attendance_percent: 'Посещаемость, %',
  olympiad: 'Олимпиады и конкурсы (баллы)',
  olympiad_points: 'Олимпиады и конкурсы (баллы)',
  competition: 'Конкурсы (баллы)',
};

/** A progress record's metric as the note names it; an unknown code as entered. */
export const progressMetricLabel = (metric: string) => METRIC_LABELS[metric] ?? metric;

/** The same two measurements within one programme (mentees of its pairs). */
export interface ProgrammeImpactRow extends ImpactRow {
  programme: string;
}

/** One mentee's two measurements: only in the note of the mentee's own organisation, for its curator. */
export interface MenteeImpactRow {
  person: string;
  metric: string;
  start: number;
  end: number;
}

/**
 * Answers to the standard satisfaction questionnaires at the start and the end of the programme for one
 * group (a programme, a form of mentoring, an organisation): participants of its pairs, how many answered
 * each stage (each person's latest answer of the year) and the average of the stage's scale answers.
 */
export interface QualityGroupRow {
  group: string;
  participants: number;
  startRespondents: number;
  endRespondents: number;
  startAverage: number | null;
  endAverage: number | null;
}

export interface QualityQuestionRow {
  stage: 'start' | 'end';
  text: string;
  respondents: number;
  average: number | null;
}

export interface ProgrammeQuality {
  byProgramme: QualityGroupRow[];
  byForm: QualityGroupRow[];
  byOrganisation: QualityGroupRow[];
  questions: QualityQuestionRow[];
}

export interface SatisfactionRow {
  audience: Role;
  satisfied: number;
  respondents: number;
  /** Participants of this role, for the response rate. */
  participants: number;
}

/** Satisfaction of one role in one form of mentoring. */
export interface FormSatisfactionRow {
  audience: Role;
  form: MentoringForm;
  participants: number;
  respondents: number;
  satisfied: number;
}

export interface AnalyticNote {
  organisation: string;
  year: number;
  today: string;
  kpis: readonly KpiRow[];
  counts: ParticipantCounts;
  satisfaction: readonly SatisfactionRow[];
  /** For the calendar year of the note. */
  satisfactionByForm: readonly FormSatisfactionRow[];
  impact: readonly ImpactRow[];
  quality: ProgrammeQuality;
  impactByProgramme: readonly ProgrammeImpactRow[];
  /** Present only in a curator's note of their own organisation. */
  menteeImpact?: readonly MenteeImpactRow[];
  roadmap: { title: string; total: number; done: number; overdue: number; cancelled: number } | null;
}

const number = (value: number | null) => (value === null ? '—' : String(value).replace('.', ','));
const percent = (part: number, whole: number) =>
  whole > 0 ? `${number(Math.round((part / whole) * 1000) / 10)} %` : '—';

function targetText(row: KpiRow): string {
  if (row.target === null) return '—';
  const prefix = row.bound && row.bound !== 'exact' ? `${targetBounds.label(row.bound).toLowerCase()} ` : '';
  return `${prefix}${number(row.target)}`;
}

function basisText(row: KpiRow): string {
  if (row.kind === 'manual') return row.manualReason ? `вручную: ${row.manualReason}` : 'вручную';
  if (row.kind === 'partners') return `${row.rollup.numerator} ед.`;
  const d = row.rollup.denominator;
  const missing = row.rollup.withoutDenominator
    ? `; без знаменателя: ${row.rollup.withoutDenominator} орг.`
    : '';
  return `${row.rollup.numerator} из ${d === null ? '—' : number(d)}${missing}`;
}

export const noteKpiColumns = ['№', 'Показатель', 'План', 'Факт', 'Расчёт', 'Статус'] as const;

export function noteKpiCells(row: KpiRow, index: number): string[] {
  return [
    row.code ?? String(index + 1),
    row.unit ? `${row.title}, ${row.unit}` : row.title,
    targetText(row),
    number(row.rollup.value),
    basisText(row),
    row.rollup.status ? kpiStatuses.label(row.rollup.status) : 'план не задан',
  ];
}

const round2 = (value: number) => Math.round(value * 100) / 100;
const signed = (value: number) => `${value > 0 ? '+' : ''}${number(value)}`;
const average = (value: number | null) => (value === null ? '—' : number(round2(value)));

const IMPACT_COLUMNS = [
  'Показатель',
  'Наставляемых с двумя замерами',
  'Среднее в начале',
  'Среднее в конце',
  'Изменение',
  'Улучшили результат',
];

function impactCells(r: ImpactRow): string[] {
  const better = lowerIsBetter(r.metric) ? r.worsened : r.improved;
  return [
    progressMetricLabel(r.metric),
    String(r.persons),
    number(round2(r.startAverage)),
    number(round2(r.endAverage)),
    signed(round2(r.endAverage - r.startAverage)),
    `${better} (${percent(better, r.persons)})`,
  ];
}

export const QUALITY_COLUMNS = [
  'Участников',
  'Ответили в начале',
  'Доля ответивших в начале',
  'Ответили в конце',
  'Доля ответивших в конце',
  'Средняя оценка в начале',
  'Средняя оценка в конце',
] as const;

export function qualityCells(r: QualityGroupRow): string[] {
  return [
    String(r.participants),
    String(r.startRespondents),
    percent(r.startRespondents, r.participants),
    String(r.endRespondents),
    percent(r.endRespondents, r.participants),
    average(r.startAverage),
    average(r.endAverage),
  ];
}

type Docx = typeof import('docx');
type Block = InstanceType<Docx['Paragraph']> | InstanceType<Docx['Table']>;

function qualityBlocks(
  quality: ProgrammeQuality,
  paragraph: (text: string) => Block,
  table: (header: readonly string[], rows: readonly string[][]) => Block,
): Block[] {
  if (!quality.questions.length)
    return [paragraph('Анкеты в начале и в конце программы за год не заполнялись.')];
  const groups = (title: string, rows: readonly QualityGroupRow[]) =>
    rows.length
      ? [
          paragraph(`${title}:`),
          table(
            [title, ...QUALITY_COLUMNS],
            rows.map((r) => [r.group, ...qualityCells(r)]),
          ),
        ]
      : [];
  return [
    paragraph('Средние оценки по шкалам стандартных анкет удовлетворённости (от 1 до 10).'),
    table(
      ['Этап', 'Вопрос', 'Ответили', 'Средняя оценка'],
      quality.questions.map((q) => [
        q.stage === 'start' ? 'Начало программы' : 'Завершение программы',
        q.text,
        String(q.respondents),
        average(q.average),
      ]),
    ),
    ...groups('Программа', quality.byProgramme),
    ...groups('Форма наставничества', quality.byForm),
    ...groups('Организация', quality.byOrganisation),
  ];
}

export async function analyticNoteDocx(note: AnalyticNote): Promise<Uint8Array> {
  const d = await import('docx');
  // Options spread in (as the road-map export does): a literal `bold` is read as the deprecated String#bold
  // of the constructor's `string | options` parameter.
  const run = (text: string, bold = false) => {
    const options: { bold?: boolean } = bold ? { bold } : {};
    return new d.TextRun({ text, ...options });
  };
  const paragraph = (text: string, options: { heading?: boolean } = {}) =>
    new d.Paragraph({
      spacing: options.heading ? { before: 240, after: 120 } : { after: 60 },
      children: [run(text, options.heading)],
    });
  const table = (header: readonly string[], rows: readonly string[][]) =>
    new d.Table({
      width: { size: 100, type: d.WidthType.PERCENTAGE },
      rows: [header, ...rows].map(
        (cells, i) =>
          new d.TableRow({
            tableHeader: i === 0,
            children: cells.map(
              (text) =>
                new d.TableCell({
                  children: [new d.Paragraph({ children: [run(text, i === 0)] })],
                }),
            ),
          }),
      ),
    });
  const c = note.counts;
  const blocks: Block[] = [
    new d.Paragraph({
      alignment: d.AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [
        run(
          `Аналитическая справка по итогам внутреннего мониторинга реализации целевой модели наставничества за ${note.year} год`,
          true,
        ),
      ],
    }),
    paragraph(`Организация: ${note.organisation}. Данные на ${note.today.split('-').reverse().join('.')}.`),
    paragraph('1. Показатели эффективности', { heading: true }),
    note.kpis.length
      ? table(
          noteKpiColumns,
          note.kpis.map((row, i) => noteKpiCells(row, i)),
        )
      : paragraph('Показатели не заданы.'),
    paragraph('2. Участники', { heading: true }),
    paragraph(
      `Наставников: ${c.total.mentor}, наставляемых: ${c.total.mentee}; пар и групп: ${c.pairs}; партнёров, предоставивших наставников: ${c.partners} (наставников от партнёров: ${c.mentorsProvided}).`,
    ),
    paragraph('3. Удовлетворённость участников', { heading: true }),
    note.satisfaction.length
      ? table(
          ['Участники', 'Ответили', 'Доля ответивших', 'Удовлетворены', 'Уровень удовлетворённости'],
          note.satisfaction.map((s) => [
            roleLabels[s.audience],
            String(s.respondents),
            percent(s.respondents, s.participants),
            String(s.satisfied),
            percent(s.satisfied, s.respondents),
          ]),
        )
      : paragraph('Анкеты удовлетворённости за год не заполнялись.'),
    ...(note.satisfactionByForm.length
      ? [
          paragraph(`По формам наставничества (${note.year} календарный год):`),
          table(
            ['Участники', 'Форма', 'Участвуют', 'Ответили', 'Доля ответивших', 'Удовлетворены'],
            note.satisfactionByForm.map((s) => [
              roleLabels[s.audience],
              mentoringForms.label(s.form),
              String(s.participants),
              String(s.respondents),
              percent(s.respondents, s.participants),
              `${s.satisfied} (${percent(s.satisfied, s.respondents)})`,
            ]),
          ),
        ]
      : []),
    paragraph('4. Качество реализации программ: анкеты в начале и в конце программы', { heading: true }),
    ...qualityBlocks(note.quality, paragraph, table),
    paragraph('5. Влияние программ (два замера: начало и конец программы)', { heading: true }),
    note.impact.length
      ? table(IMPACT_COLUMNS, note.impact.map(impactCells))
      : paragraph('Замеров в начале и в конце программы за год нет.'),
    ...(note.impactByProgramme.length
      ? [
          paragraph('По программам:'),
          table(
            ['Программа', ...IMPACT_COLUMNS],
            note.impactByProgramme.map((r) => [r.programme, ...impactCells(r)]),
          ),
        ]
      : []),
    ...(note.menteeImpact?.length
      ? [
          paragraph('По наставляемым (только для куратора организации):'),
          table(
            ['Наставляемый', 'Показатель', 'В начале', 'В конце', 'Изменение', 'Результат'],
            note.menteeImpact.map((r) => {
              const change = round2(r.end - r.start);
              const better = lowerIsBetter(r.metric) ? change < 0 : change > 0;
              return [
                r.person,
                progressMetricLabel(r.metric),
                number(r.start),
                number(r.end),
                signed(change),
                change === 0 ? 'без изменений' : better ? 'улучшился' : 'ухудшился',
              ];
            }),
          ),
        ]
      : []),
    paragraph('6. Выполнение дорожной карты', { heading: true }),
    note.roadmap
      ? paragraph(
          `«${note.roadmap.title}»: мероприятий ${note.roadmap.total}, выполнено ${note.roadmap.done} (${percent(note.roadmap.done, note.roadmap.total)}), просрочено ${note.roadmap.overdue}, отменено ${note.roadmap.cancelled}.`,
        )
      : paragraph('Дорожная карта организации не загружена.'),
  ];
  const doc = new d.Document({
    creator: 'Наставник',
    title: 'Аналитическая справка',
    styles: { default: { document: { run: { font: 'Times New Roman', size: 24 } } } },
    sections: [{ children: blocks }],
  });
  return new Uint8Array(await d.Packer.toArrayBuffer(doc));
}
