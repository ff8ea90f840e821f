/**
 * The contract of the road-map import: what a parsed document becomes before a curator reviews it.
 * The CMS stores drafts validated by these schemas and the extension shows them, so every field a
 * parser fills is declared here once. Free text is always kept as written next to what was parsed
 * from it, because the curator must be able to see (and correct) what the engine understood.
 */
import { z } from 'zod';
import { activityStatuses, enumeration, roadmapLevels, snapshotKinds } from '../enums.js';

export const deadlineKinds = enumeration({
  date: 'Дата или календарный период',
  range: 'Период «с … по …»',
  until: 'Не позднее',
  from: 'Начиная с',
  recurring: 'Периодически',
  continuous: 'Постоянно, в течение периода',
  as_needed: 'По мере необходимости',
  external: 'По внешнему графику',
  unknown: 'Не распознан',
});
export type DeadlineKind = (typeof deadlineKinds.values)[number];

export const responsibleKinds = enumeration({
  person: 'Сотрудник',
  role: 'Должность, категория работников',
  body: 'Организация, орган',
});
export type ResponsibleKind = (typeof responsibleKinds.values)[number];

/** What a column of a road-map table holds; warnings name the column by this role. */
export const roadmapColumnRoles = enumeration({
  number: '№ п/п',
  stage: 'Этап',
  activity: 'Мероприятие',
  content: 'Содержание деятельности',
  deadline: 'Срок',
  responsible: 'Ответственный',
  result: 'Результат',
  status: 'Статус',
  evidence: 'Подтверждение',
});
export type RoadmapColumnRole = (typeof roadmapColumnRoles.values)[number];

export const roadmapImportFormats = enumeration({
  text: 'Текст с таблицей (табуляция между ячейками)',
  html: 'Веб-страница (HTML)',
  docx: 'Документ Word (DOCX)',
  pdf: 'Документ PDF',
});
export type ImportFormat = (typeof roadmapImportFormats.values)[number];

const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Дата должна быть в формате ГГГГ-ММ-ДД');
const yearSchema = z.number().int().min(1900).max(2200);

/** `null` is an open end: «до 01.10» has no start, «с 01.03» has no end. Both ends are inclusive. */
export const deadlineWindowSchema = z.object({
  start: isoDateSchema.nullable(),
  end: isoDateSchema.nullable(),
});
export type DeadlineWindow = z.infer<typeof deadlineWindowSchema>;

export const deadlineRecurrenceSchema = z.object({
  frequency: z.enum(['weekly', 'monthly', 'quarterly', 'yearly']),
  /** For a yearly recurrence named by months («Декабрь, май»): the months, 1–12, in the order written. */
  months: z.array(z.number().int().min(1).max(12)).optional(),
});
export type DeadlineRecurrence = z.infer<typeof deadlineRecurrenceSchema>;

export const deadlineSchema = z.object({
  /** Exactly as written in the document (whitespace collapsed). */
  text: z.string(),
  kind: deadlineKinds.schema,
  windows: z.array(deadlineWindowSchema),
  recurrence: deadlineRecurrenceSchema.nullable(),
  /** Set when the text could only partly be understood; the importer turns it into a warning. */
  warning: z.string().optional(),
});
export type Deadline = z.infer<typeof deadlineSchema>;

export const responsibleSchema = z.object({
  kind: responsibleKinds.schema,
  /** A person as «Фамилия И.О.» (or the full name when written in full); a role or body as written. */
  name: z.string().min(1),
  position: z.string().optional(),
});
export type Responsible = z.infer<typeof responsibleSchema>;

export const roadmapSectionDraftSchema = z.object({
  /** 0-based position in `sections`; activities and child sections point here. */
  index: z.number().int().min(0),
  code: z.string().optional(),
  title: z.string().min(1),
  /** 1 for a top-level section or stage, 2 for a numbered group inside it (002: «35» under a stage). */
  level: z.number().int().min(1),
  parentIndex: z.number().int().min(0).optional(),
  /** Lines written under the title in the same cell: «Задача: …», «Результат: …» (003). */
  details: z.array(z.string()).optional(),
  /** 1-based row of the source table. */
  row: z.number().int().min(1),
});
export type RoadmapSectionDraft = z.infer<typeof roadmapSectionDraftSchema>;

export const roadmapActivityDraftSchema = z.object({
  /** 1-based position in the document. */
  order: z.number().int().min(1),
  /** As written (`1.`, `a.`, `3.2`, `35.1.`); empty when the row had no number (001, stage tables). */
  code: z.string(),
  title: z.string(),
  /** A numbered or dashed list in the cell becomes items; anything else stays one text. */
  content: z.union([z.string(), z.array(z.string())]).optional(),
  sectionIndex: z.number().int().min(0).optional(),
  sectionCode: z.string().optional(),
  sectionTitle: z.string().optional(),
  /** From a «Этап» column when the table has one (001). */
  stage: z.string().optional(),
  deadline: deadlineSchema,
  responsible: z.object({ text: z.string(), parsed: z.array(responsibleSchema) }),
  result: z.string().optional(),
  /** Only filled when re-importing our own export, which carries the status and evidence columns. */
  status: activityStatuses.schema.optional(),
  evidence: z.array(z.string()).optional(),
  /** The cells as read, per column, rows continued across a page break joined with a line break. */
  rawCells: z.array(z.string()),
  /** 1-based rows of the source table this activity was assembled from. */
  sourceRows: z.array(z.number().int().min(1)).min(1),
  /**
   * Set only when the activity was recognised from a scanned PDF (OCR): the lowest confidence, 0–100,
   * of the words in its rows. The curator checks such activities against the paper.
   */
  ocrConfidence: z.number().min(0).max(100).optional(),
});
export type RoadmapActivityDraft = z.infer<typeof roadmapActivityDraftSchema>;

export const kpiTargetDraftSchema = z.object({
  year: yearSchema,
  value: z.number(),
  /** «не менее 5%» is a minimum; a plain table value is the exact target. */
  bound: z.enum(['exact', 'min', 'max']),
});
export type KpiTargetDraft = z.infer<typeof kpiTargetDraftSchema>;

export const kpiIndicatorDraftSchema = z.object({
  code: z.string().optional(),
  title: z.string().min(1),
  /** The explanation written in italics or in brackets: «отношение количества … к общему количеству …». */
  formula: z.string().optional(),
  /** «%», «чел.»; empty when the document names none. */
  unit: z.string(),
  targets: z.array(kpiTargetDraftSchema),
});
export type KpiIndicatorDraft = z.infer<typeof kpiIndicatorDraftSchema>;

export const contingentMetricDraftSchema = z.object({
  code: z.string().optional(),
  label: z.string().min(1),
  value: z.number(),
  unit: z.string().optional(),
});
export type ContingentMetricDraft = z.infer<typeof contingentMetricDraftSchema>;

export const contingentSnapshotDraftSchema = z.object({
  date: isoDateSchema,
  kind: snapshotKinds.schema,
  metrics: z.array(contingentMetricDraftSchema),
});
export type ContingentSnapshotDraft = z.infer<typeof contingentSnapshotDraftSchema>;

export const roadmapApprovalSchema = z.object({
  /** The approval text as written, lines joined. */
  text: z.string(),
  orderNumber: z.string().optional(),
  date: isoDateSchema.optional(),
  /** The approver's position in the nominative: «Директор», «Начальник». */
  approver: z.string().optional(),
  approverName: z.string().optional(),
  /** The issuing organisation as written in the approval (often in the genitive). */
  organisation: z.string().optional(),
});
export type RoadmapApproval = z.infer<typeof roadmapApprovalSchema>;

export const roadmapPeriodSchema = z.object({
  start: yearSchema,
  end: yearSchema,
  /** Months written without a year run September → August (first September is in `start`). */
  academicYear: z.boolean(),
  source: z.enum(['input', 'text', 'deadlines', 'kpi']),
  text: z.string().optional(),
});
export type RoadmapPeriod = z.infer<typeof roadmapPeriodSchema>;

export const roadmapWorkingGroupMemberSchema = z.object({
  fullName: z.string().min(1),
  position: z.string().optional(),
  row: z.number().int().min(1),
});
export type RoadmapWorkingGroupMember = z.infer<typeof roadmapWorkingGroupMemberSchema>;

export const importWarningSchema = z.object({
  /** 1-based row of the source table; 0 when the warning is about the document as a whole. */
  row: z.number().int().min(0),
  /** 1-based table of the document the row belongs to. */
  table: z.number().int().min(1).optional(),
  /** 1-based page of a PDF the row is printed on. */
  page: z.number().int().min(1).optional(),
  cell: roadmapColumnRoles.schema.optional(),
  /** A stable key for code and tests: `row_merged`, `deadline_unknown`, … */
  code: z.string(),
  severity: z.enum(['info', 'warning']),
  /** In Russian, for the curator. */
  message: z.string().min(1),
});
export type ImportWarning = z.infer<typeof importWarningSchema>;

export const roadmapDraftSchema = z.object({
  title: z.string().optional(),
  organisationName: z.string().optional(),
  level: roadmapLevels.schema.optional(),
  approval: roadmapApprovalSchema.optional(),
  period: roadmapPeriodSchema.optional(),
  sections: z.array(roadmapSectionDraftSchema),
  activities: z.array(roadmapActivityDraftSchema),
  kpis: z.array(kpiIndicatorDraftSchema),
  contingent: z.array(contingentSnapshotDraftSchema),
  workingGroup: z.array(roadmapWorkingGroupMemberSchema),
});
export type RoadmapDraft = z.infer<typeof roadmapDraftSchema>;

export const roadmapImportErrorCodes = enumeration({
  empty: 'Пустой файл',
  too_large: 'Файл слишком большой',
  pdf_scanned: 'Скан PDF без текстового слоя',
  pdf_invalid: 'Повреждённый PDF',
  doc_not_supported: 'Формат Word 97–2003 не поддерживается',
  docx_invalid: 'Повреждённый DOCX',
  unsupported_format: 'Неизвестный формат',
  no_table: 'Нет таблицы',
  no_header: 'Нет заголовка таблицы',
  internal: 'Внутренняя ошибка',
});
export type ImportErrorCode = (typeof roadmapImportErrorCodes.values)[number];

export const roadmapImportErrorSchema = z.object({
  code: roadmapImportErrorCodes.schema,
  /** In Russian: what went wrong and what was expected instead. */
  message: z.string().min(1),
});
export type ImportError = z.infer<typeof roadmapImportErrorSchema>;

export type ImportResult =
  | { ok: true; format: ImportFormat; draft: RoadmapDraft; warnings: ImportWarning[] }
  | { ok: false; error: ImportError };
