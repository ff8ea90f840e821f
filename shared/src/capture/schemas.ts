/**
 * What the extension may send as a capture, per kind. The CMS validates submissions with the same
 * schemas, so the limits here are the contract: objects are strict (an extra field is an error, not
 * something silently stored), URLs are http(s) only, HTML must already be sanitised.
 */
import { z } from 'zod';
import { captureKinds } from '../enums.js';
import { importWarningSchema, roadmapDraftSchema } from '../roadmap/schema.js';
import { columnRoles, siteAuditParts } from './roles.js';

export const captureLimits = {
  /** A whole school's list fits; a larger table is split by the user (and would exceed request limits). */
  maxRows: 10_000,
  maxGradesPerRow: 400,
  maxHtmlChars: 1_000_000,
  maxImages: 100,
  maxWarnings: 1_000,
  maxAuditLinks: 50,
  maxUrlChars: 2_048,
} as const;

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

export const httpUrlSchema = z
  .string()
  .max(captureLimits.maxUrlChars, 'Слишком длинный адрес')
  .refine(isHttpUrl, 'Допустимы только адреса http:// и https://');

const text = (max: number) =>
  z.string().trim().min(1, 'Пустое значение').max(max, `Не длиннее ${max} символов`);

const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Дата должна быть в формате ГГГГ-ММ-ДД')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, 'Такой даты нет в календаре');

// Sanitisers remove these; finding one means the HTML skipped sanitising, so it is refused
// rather than trusted to a later layer.
const UNSAFE_HTML: readonly RegExp[] = [
  /<\s*(script|iframe|object|embed|frame|frameset|base|meta|link|style)\b/i,
  /<[^>]*\son[a-z]+\s*=/i,
  /(href|src|action|formaction|xlink:href)\s*=\s*["']?\s*(javascript|vbscript|data:text\/html)/i,
];
export function looksSanitised(html: string): boolean {
  return !UNSAFE_HTML.some((pattern) => pattern.test(html));
}

export const sanitisedHtmlSchema = z
  .string()
  .max(captureLimits.maxHtmlChars, 'Слишком большой фрагмент HTML')
  .refine(looksSanitised, 'HTML содержит скрипты или обработчики событий: он не прошёл очистку');

/** Which column the values came from, kept so a reviewer in the CMS can see how the table was read. */
export const capturedColumnSchema = z.strictObject({
  header: z.string().max(300),
  role: columnRoles.schema,
});

const columnsSchema = z.array(capturedColumnSchema).max(500).optional();

// Angle brackets never occur in names; a cell holding them is markup or an attack, not a pupil.
const noMarkup = (schema: z.ZodString) =>
  schema.refine((value) => !/[<>]/.test(value), 'Недопустимые символы «<» или «>»');
const personName = noMarkup(text(200));
const namePart = noMarkup(text(100)).optional();
const className = text(30).optional();

export const rosterRowSchema = z.strictObject({
  fullName: personName,
  lastName: namePart,
  firstName: namePart,
  middleName: namePart,
  className,
  birthDate: isoDateSchema.optional(),
});
export type RosterRow = z.infer<typeof rosterRowSchema>;

export const gradesRowSchema = z.strictObject({
  fullName: personName,
  className,
  // Five-point is usual; colleges with a rating system use 10- and 100-point scales.
  averageGrade: z.number().min(0).max(100).optional(),
  absences: z.number().int().min(0).max(100_000).optional(),
  attendancePercent: z.number().min(0).max(100).optional(),
  grades: z.array(z.number().min(0).max(100)).max(captureLimits.maxGradesPerRow).optional(),
  /** The period's final mark («Итог», «четвертная», «годовая»), kept out of `grades`, which it sums up. */
  finalGrade: z.number().min(0).max(100).optional(),
});
export type GradesRow = z.infer<typeof gradesRowSchema>;

const rows = <T extends z.ZodType>(row: T) =>
  z
    .array(row)
    .min(1, 'В таблице нет ни одной строки с ФИО')
    .max(
      captureLimits.maxRows,
      `Не более ${captureLimits.maxRows.toLocaleString('ru-RU')} строк за один раз`,
    );

export const rosterPayloadSchema = z.strictObject({
  kind: z.literal('roster'),
  rows: rows(rosterRowSchema),
  columns: columnsSchema,
});

export const gradesPayloadSchema = z.strictObject({
  kind: z.literal('grades'),
  rows: rows(gradesRowSchema),
  /** As the journal names it: «1 четверть», «I полугодие 2024/2025». */
  period: text(100).optional(),
  columns: columnsSchema,
});

export const roadmapTablePayloadSchema = z.strictObject({
  kind: z.literal('roadmap_table'),
  html: sanitisedHtmlSchema.pipe(z.string().min(1, 'Пустая таблица')),
  /** The draft the shared import engine produced in the browser; the CMS may re-import from `html`. */
  draft: roadmapDraftSchema.optional(),
  warnings: z.array(importWarningSchema).max(captureLimits.maxWarnings).optional(),
});

export const articlePayloadSchema = z.strictObject({
  kind: z.literal('article'),
  title: text(500),
  summary: z.string().trim().max(3_000).optional(),
  html: sanitisedHtmlSchema.pipe(z.string().min(1, 'Пустой текст статьи')),
  images: z.array(httpUrlSchema).max(captureLimits.maxImages),
  sourceUrl: httpUrlSchema,
});

export const siteAuditLinkSchema = z.strictObject({
  text: z.string().trim().max(300),
  href: httpUrlSchema,
});

/** The curator's contact as the section page shows it; only what the page shows is present. */
export const siteAuditCuratorSchema = z
  .strictObject({
    name: personName.optional(),
    position: noMarkup(text(300)).optional(),
    phone: noMarkup(text(60)).optional(),
    email: noMarkup(text(254)).optional(),
  })
  .refine((curator) => Object.values(curator).some(Boolean), 'Нет ни одного сведения о кураторе');

export const siteAuditPayloadSchema = z.strictObject({
  kind: z.literal('site_audit'),
  sectionUrl: httpUrlSchema.optional(),
  curator: siteAuditCuratorSchema.optional(),
  parts: z
    .array(
      z.strictObject({
        key: siteAuditParts.schema,
        label: text(200),
        present: z.boolean(),
        links: z.array(siteAuditLinkSchema).max(captureLimits.maxAuditLinks),
      }),
    )
    .min(1)
    .max(siteAuditParts.values.length),
});

export const capturePayloadSchema = z.discriminatedUnion('kind', [
  rosterPayloadSchema,
  gradesPayloadSchema,
  roadmapTablePayloadSchema,
  articlePayloadSchema,
  siteAuditPayloadSchema,
]);
export type CapturePayload = z.infer<typeof capturePayloadSchema>;
export type CapturePayloadOf<K extends CapturePayload['kind']> = Extract<CapturePayload, { kind: K }>;
export type RosterPayload = CapturePayloadOf<'roster'>;
export type GradesPayload = CapturePayloadOf<'grades'>;
export type RoadmapTablePayload = CapturePayloadOf<'roadmap_table'>;
export type ArticlePayload = CapturePayloadOf<'article'>;
export type SiteAuditPayload = CapturePayloadOf<'site_audit'>;
export type SiteAuditCurator = z.infer<typeof siteAuditCuratorSchema>;

/** Adapter ids are short kebab-case names («generic-table», «netcity»): they end up in the CMS as-is. */
export const adapterIdSchema = z.string().regex(/^[a-z][a-z0-9-]{1,63}$/, 'Неверный идентификатор адаптера');

/** A UUID or similar random token; the CMS stores each once, so a retried send cannot duplicate. */
export const idempotencyKeySchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{16,128}$/, 'Ключ идемпотентности: 16–128 латинских букв, цифр, «-» или «_»');

export const captureSubmissionSchema = z
  .strictObject({
    kind: captureKinds.schema,
    sourceUrl: httpUrlSchema,
    adapter: adapterIdSchema,
    payload: capturePayloadSchema,
    idempotencyKey: idempotencyKeySchema,
  })
  .refine((submission) => submission.payload.kind === submission.kind, {
    error: 'Вид захвата не совпадает с видом данных',
    path: ['payload', 'kind'],
  });
export type CaptureSubmission = z.infer<typeof captureSubmissionSchema>;

/** Options of `nastavnikApplyCapture` for grades: which measurement they are and, optionally, for which pair. */
export const gradesApplyOptionsSchema = z.strictObject({
  moment: z.enum(['start', 'end']),
  pairDocumentId: z.string().min(1).max(64).optional(),
});
export type GradesApplyOptions = z.infer<typeof gradesApplyOptionsSchema>;
