/**
 * KPI values of an organisation and of its subtree for one year (`nastavnikKpiReport`, GET
 * /api/nastavnik/kpi/:organisation): the numbers behind every value, no person in them.
 */
import { z } from 'zod';
import { kpiStatuses, targetBounds } from '../enums.js';

export const kpiReportRequestSchema = z.object({
  organisation: z.string().min(1, 'Укажите организацию'),
  year: z.number().int().min(2000, 'Год от 2000 до 2100').max(2100, 'Год от 2000 до 2100').optional(),
});
export type KpiReportRequest = z.infer<typeof kpiReportRequestSchema>;

export const kpiFiguresSchema = z.object({
  numerator: z.number(),
  /** Null for a count (no denominator) and when no denominator was entered. */
  denominator: z.number().nullable(),
  value: z.number().nullable(),
  /** Null when the year has no target. */
  status: kpiStatuses.schema.nullable(),
});
export type KpiFigures = z.infer<typeof kpiFiguresSchema>;

export const kpiRollupSchema = kpiFiguresSchema.extend({
  /** Organisations of the subtree, the organisation itself included. */
  organisations: z.number().int(),
  /** Schools and colleges of the subtree without a denominator: left out of the roll-up. */
  withoutDenominator: z.number().int(),
});
export type KpiRollup = z.infer<typeof kpiRollupSchema>;

export const kpiRowSchema = z.object({
  /** The KPI indicator's document id; null for the standard set used when the organisation has none. */
  indicator: z.string().nullable(),
  code: z.string().nullable(),
  title: z.string(),
  unit: z.string(),
  kind: z.enum(['participation', 'partners', 'satisfaction', 'manual']),
  manualReason: z.string().nullable(),
  windowStart: z.string(),
  windowEnd: z.string(),
  target: z.number().nullable(),
  bound: targetBounds.schema.nullable(),
  /** Entered by hand for a manual KPI. */
  manualValue: z.number().nullable(),
  own: kpiFiguresSchema,
  rollup: kpiRollupSchema,
});
export type KpiRow = z.infer<typeof kpiRowSchema>;

export const kpiReportSchema = z.object({
  organisation: z.string(),
  organisationName: z.string(),
  year: z.number().int(),
  today: z.string(),
  /** True when neither the organisation nor a parent has KPIs and the target model's standard set was computed. */
  standardSet: z.boolean(),
  rows: z.array(kpiRowSchema),
});
export type KpiReport = z.infer<typeof kpiReportSchema>;

/** Freeze the numbers of a monitoring moment (`nastavnikFreezeMonitoring`). */
export const monitoringFreezeRequestSchema = kpiReportRequestSchema.extend({
  label: z
    .string()
    .trim()
    .min(1, 'Назовите срез (например, «Мониторинг, декабрь 2025»)')
    .max(200, 'Не длиннее 200 символов'),
});
export type MonitoringFreezeRequest = z.infer<typeof monitoringFreezeRequestSchema>;

export const monitoringSnapshotResultSchema = z.object({
  documentId: z.string(),
  label: z.string(),
  year: z.number().int(),
  takenAt: z.string(),
  report: kpiReportSchema,
});
export type MonitoringSnapshotResult = z.infer<typeof monitoringSnapshotResultSchema>;
