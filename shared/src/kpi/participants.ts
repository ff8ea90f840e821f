/**
 * Participant counts as the federal statistical form and the regional monitoring of the target model ask
 * for them: mentors and mentees by category, age band and form of mentoring, pairs, partners. Counts of
 * one organisation add up into its parents' (a person belongs to one organisation, so sums never count
 * anyone twice); a person in pairs of two forms is counted under each form, once in the totals.
 */
import {
  enumeration,
  mentoringForms,
  pairKinds,
  partnerKinds,
  personCategories,
  type MentoringForm,
  type PairKind,
  type PartnerKind,
  type PersonCategory,
} from '../enums.js';

export const ageBands = enumeration({
  under_10: 'до 10 лет',
  '10_14': '10–14 лет',
  '15_18': '15–18 лет',
  over_18: '19 лет и старше',
  unknown: 'возраст не указан',
});
export type AgeBand = (typeof ageBands.values)[number];

export type Role = 'mentor' | 'mentee';
export const roleLabels: Readonly<Record<Role, string>> = { mentor: 'Наставники', mentee: 'Наставляемые' };

type Tally<K extends string> = Partial<Record<K, number>>;

export interface ParticipantCounts {
  total: Record<Role, number>;
  byCategory: Record<Role, Tally<PersonCategory>>;
  byAge: Record<Role, Tally<AgeBand>>;
  byForm: Record<Role, Tally<MentoringForm>>;
  pairs: number;
  pairsByForm: Tally<MentoringForm>;
  pairsByKind: Tally<PairKind>;
  partners: number;
  partnersByKind: Tally<PartnerKind>;
  mentorsProvided: number;
}

export function emptyCounts(): ParticipantCounts {
  return {
    total: { mentor: 0, mentee: 0 },
    byCategory: { mentor: {}, mentee: {} },
    byAge: { mentor: {}, mentee: {} },
    byForm: { mentor: {}, mentee: {} },
    pairs: 0,
    pairsByForm: {},
    pairsByKind: {},
    partners: 0,
    partnersByKind: {},
    mentorsProvided: 0,
  };
}

export function bump<K extends string>(tally: Tally<K>, key: K, by: number): void {
  tally[key] = (tally[key] ?? 0) + by;
}

function addTally<K extends string>(into: Tally<K>, from: Tally<K>): void {
  for (const [key, value] of Object.entries(from) as Array<[K, number]>) bump(into, key, value);
}

/** `into` plus `from`, in place. */
export function addCounts(into: ParticipantCounts, from: ParticipantCounts): ParticipantCounts {
  for (const role of ['mentor', 'mentee'] as const) {
    into.total[role] += from.total[role];
    addTally(into.byCategory[role], from.byCategory[role]);
    addTally(into.byAge[role], from.byAge[role]);
    addTally(into.byForm[role], from.byForm[role]);
  }
  into.pairs += from.pairs;
  addTally(into.pairsByForm, from.pairsByForm);
  addTally(into.pairsByKind, from.pairsByKind);
  into.partners += from.partners;
  addTally(into.partnersByKind, from.partnersByKind);
  into.mentorsProvided += from.mentorsProvided;
  return into;
}

export interface CountColumn {
  header: string;
  value(c: ParticipantCounts): number;
}

/** The report's columns, in the order the forms list them. */
export const countColumns: readonly CountColumn[] = [
  ...(['mentor', 'mentee'] as const).flatMap((role): CountColumn[] => [
    { header: `${roleLabels[role]}: всего`, value: (c) => c.total[role] },
    ...personCategories.values.map((k) => ({
      header: `${roleLabels[role]}: ${personCategories.label(k)}`,
      value: (c: ParticipantCounts) => c.byCategory[role][k] ?? 0,
    })),
    ...ageBands.values.map((k) => ({
      header: `${roleLabels[role]}: ${ageBands.label(k)}`,
      value: (c: ParticipantCounts) => c.byAge[role][k] ?? 0,
    })),
    ...mentoringForms.values.map((k) => ({
      header: `${roleLabels[role]}: форма «${mentoringForms.label(k)}»`,
      value: (c: ParticipantCounts) => c.byForm[role][k] ?? 0,
    })),
  ]),
  { header: 'Пары и группы: всего', value: (c) => c.pairs },
  ...pairKinds.values.map((k) => ({
    header: `Пары и группы: ${pairKinds.label(k)}`,
    value: (c: ParticipantCounts) => c.pairsByKind[k] ?? 0,
  })),
  ...mentoringForms.values.map((k) => ({
    header: `Пары и группы: форма «${mentoringForms.label(k)}»`,
    value: (c: ParticipantCounts) => c.pairsByForm[k] ?? 0,
  })),
  { header: 'Партнёры, предоставившие наставников: всего', value: (c) => c.partners },
  ...partnerKinds.values.map((k) => ({
    header: `Партнёры: ${partnerKinds.label(k)}`,
    value: (c: ParticipantCounts) => c.partnersByKind[k] ?? 0,
  })),
  { header: 'Наставников от партнёров', value: (c) => c.mentorsProvided },
];

export interface CountsLevel {
  /** Sheet name (at most 31 characters). */
  title: string;
  rows: Array<{ name: string; kind: string; counts: ParticipantCounts }>;
}

/** A school's own participants: only in its curator's copy. */
export interface ParticipantListRow {
  fullName: string;
  category: string;
  role: string;
  classOrGroup: string;
  forms: string;
}

export interface ParticipantsReport {
  title: string;
  period: string;
  levels: CountsLevel[];
  participants?: ParticipantListRow[];
}

type ExcelModule = typeof import('exceljs');

async function loadExcel(): Promise<ExcelModule> {
  const module = await import('exceljs');
  return (module as unknown as { default?: ExcelModule }).default ?? module;
}

/** One sheet per level of the tree (each organisation rolled up over its own subtree). */
export async function participantsXlsx(report: ParticipantsReport): Promise<Uint8Array> {
  const Excel = await loadExcel();
  const workbook = new Excel.Workbook();
  workbook.creator = 'Наставник';
  for (const level of report.levels) {
    const sheet = workbook.addWorksheet(level.title.slice(0, 31));
    sheet.addRow([report.title]).font = { bold: true };
    sheet.addRow([report.period]);
    const header = sheet.addRow(['Организация', 'Вид', ...countColumns.map((c) => c.header)]);
    header.font = { bold: true };
    header.alignment = { wrapText: true, vertical: 'top' };
    for (const row of level.rows) {
      sheet.addRow([row.name, row.kind, ...countColumns.map((c) => c.value(row.counts))]);
    }
    sheet.getColumn(1).width = 48;
    sheet.getColumn(2).width = 24;
    for (let i = 3; i <= countColumns.length + 2; i++) sheet.getColumn(i).width = 14;
    sheet.views = [{ state: 'frozen', xSplit: 2, ySplit: 3 }];
  }
  if (report.participants) {
    const sheet = workbook.addWorksheet('Участники');
    const header = sheet.addRow(['ФИО', 'Категория', 'Роль', 'Класс или группа', 'Формы наставничества']);
    header.font = { bold: true };
    for (const p of report.participants) {
      sheet.addRow([p.fullName, p.category, p.role, p.classOrGroup, p.forms]);
    }
    for (const [i, width] of [40, 24, 16, 16, 40].entries()) sheet.getColumn(i + 1).width = width;
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
