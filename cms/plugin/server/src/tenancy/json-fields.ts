/** JSON attributes have no schema in Strapi; the shared zod schemas give them one. Rich text is sanitised. */
import { errors } from '@strapi/utils';
import { preferredFormsSchema, questionsSchema, tagsSchema } from '@nastavnik/shared';
import type { z } from 'zod';
import type { ContentTypeDefinition } from '../content-types/define.js';
import { sanitize } from '../captures/service.js';

/** Rich text a public page renders: whatever wrote it (admin, API, extension), it is cleaned here. */
const RICH_TEXT: Record<string, readonly string[]> = {
  case: ['solution'],
  'news-item': ['body'],
  'site-section': ['intro'],
};

export function sanitizeRichText(definition: ContentTypeDefinition, data: Record<string, unknown>) {
  for (const field of RICH_TEXT[definition.singularName] ?? []) {
    if (typeof data[field] === 'string') data[field] = sanitize(data[field] as string);
  }
}

const jsonSchemas: Record<string, Record<string, z.ZodType>> = {
  person: { preferredForms: preferredFormsSchema },
  questionnaire: { questions: questionsSchema },
  case: { tags: tagsSchema },
};

export function validateJsonFields(definition: ContentTypeDefinition, data: Record<string, unknown>) {
  const schemas = jsonSchemas[definition.singularName];
  if (!schemas) return;
  for (const [field, schema] of Object.entries(schemas)) {
    if (data[field] == null) continue;
    const result = schema.safeParse(data[field]);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      const where = [field, ...issue.path.map(String)].join('.');
      throw new errors.ValidationError(`Поле ${where}: ${issue.message}`, {
        path: [field, ...issue.path.map(String)],
      });
    }
  }
}
