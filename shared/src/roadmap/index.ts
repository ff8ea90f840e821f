/**
 * Road maps (дорожные карты): import from text, HTML, DOCX and PDF into a reviewed draft, and export back
 * to the DOCX/XLSX layout schools use. See shared/README.md «Дорожная карта» and «Показатели (KPI) и контингент».
 */
export * from './schema.js';
export { parseDeadline, type DeadlineContext } from './deadline.js';
export { parseResponsible, matchPersons, type PersonRef, type PersonMatch } from './responsible.js';
export {
  importRoadmap,
  importRoadmapText,
  importRoadmapHtml,
  ROADMAP_MAX_INPUT_BYTES,
  type RoadmapImportInput,
  type RoadmapImportOptions,
  type ImportPeriodInput,
} from './import.js';
export type { DocxReader } from './docx-reader.js';
export type { PdfPage, PdfText, PdfRule } from './pdf-layout.js';
export { pageFromTesseractTsv } from './ocr-tsv.js';
export {
  exportRoadmapDocx,
  exportRoadmapXlsx,
  approvalLine,
  periodLine,
  roadmapExportColumns,
  type ExportableRoadmap,
} from './export.js';
