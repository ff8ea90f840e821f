/**
 * The road-map import operation as it crosses a boundary: what a caller sends (GraphQL
 * `nastavnikImportRoadmap`, REST `POST /api/nastavnik/roadmaps/import`, a capture of a road-map table)
 * and what it gets back. The plugin derives its GraphQL types from these schemas and parses every
 * request with them; the extension checks every answer with them.
 */
import { z } from 'zod';
import { enumeration } from '../enums.js';
import { importWarningSchema, roadmapDraftSchema } from '../roadmap/schema.js';

export const duplicateModes = enumeration({
  fail: 'Не записывать, сообщить о повторе',
  replace: 'Заменить прежнюю дорожную карту',
  new_version: 'Записать новой версией, прежнюю — в архив',
});
export type DuplicateMode = (typeof duplicateModes.values)[number];
/** The modes a user chooses between once told about the duplicate. */
export type DuplicateChoice = Exclude<DuplicateMode, 'fail'>;

const documentIdSchema = z.string().trim().min(1, 'Укажите идентификатор документа').max(64);

export const roadmapImportInputSchema = z.strictObject({
  organisation: documentIdSchema,
  /** The document as text: table rows, cells separated by tabs. */
  text: z.string().nullish(),
  /** A web page or a fragment holding the table. */
  html: z.string().nullish(),
  /** A file (DOCX, HTML, text) in base64. */
  fileBase64: z.string().nullish(),
  filename: z.string().max(255).nullish(),
  dryRun: z.boolean().default(true),
  onDuplicate: duplicateModes.schema.default('fail'),
  publish: z.boolean().default(false),
});
export type RoadmapImportRequest = z.infer<typeof roadmapImportInputSchema>;

export const duplicateInfoSchema = z.object({
  documentId: z.string().min(1),
  title: z.string(),
  version: z.number().int().min(1),
  /** The very same document (same bytes) rather than another one with the same title. */
  sameSource: z.boolean(),
});
export type DuplicateInfo = z.infer<typeof duplicateInfoSchema>;

export const operationErrorSchema = z.object({
  /** Codes of the engine (`empty`, `pdf_not_supported`, …) and the CMS (`duplicate`). */
  code: z.string(),
  /** In Russian. */
  message: z.string(),
});

export const roadmapImportResultSchema = z.object({
  ok: z.boolean(),
  committed: z.boolean(),
  format: z.string().nullable(),
  warnings: z.array(importWarningSchema),
  error: operationErrorSchema.nullable(),
  duplicateOf: duplicateInfoSchema.nullable(),
  roadmapDocumentId: z.string().nullable(),
  version: z.number().int().nullable(),
  activitiesCount: z.number().int().min(0),
  kpisCount: z.number().int().min(0),
  /** Large: a client asks for it only when it shows it. */
  draft: roadmapDraftSchema.nullable().optional(),
});
export type RoadmapImportResult = z.infer<typeof roadmapImportResultSchema>;
