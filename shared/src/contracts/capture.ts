/**
 * The capture operations between the extension and the CMS: `nastavnikSubmitCapture` takes a
 * `captureSubmissionSchema`, `nastavnikApplyCapture` takes options that depend on the kind of capture
 * (`gradesApplyOptionsSchema` beside the payloads in `capture/schemas.ts`, `roadmapApplyOptionsSchema`
 * here). Both answers are declared here once.
 */
import { z } from 'zod';
import { duplicateModes } from './roadmap-import.js';

export const captureSubmitResultSchema = z.object({
  documentId: z.string().min(1),
  state: z.string(),
  /** The idempotency key was seen before: nothing new was stored. */
  duplicate: z.boolean(),
});
export type CaptureSubmitResult = z.infer<typeof captureSubmitResultSchema>;

export const captureApplyResultSchema = z.object({
  documentId: z.string().min(1),
  /** `applied`, or `new` after a road-map dry run (a draft was made, nothing written). */
  state: z.string(),
  /** In Russian, for the user. */
  message: z.string(),
  createdCount: z.number().int().min(0),
});
export type CaptureApplyResult = z.infer<typeof captureApplyResultSchema>;

/** A road-map table: without `commit` a dry run; with it, how to treat a road map already there. */
export const roadmapApplyOptionsSchema = z.strictObject({
  commit: z.boolean().optional(),
  onDuplicate: duplicateModes.schema.optional(),
});
export type RoadmapApplyOptions = z.infer<typeof roadmapApplyOptionsSchema>;

/** Kinds whose application takes no options. */
export const noApplyOptionsSchema = z.strictObject({});
