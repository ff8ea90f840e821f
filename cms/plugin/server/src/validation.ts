/** A zod failure as Strapi's validation error: the first problem in Russian, every path in details. */
import { errors } from '@strapi/utils';
import { describeIssues } from '@nastavnik/shared';
import type { z } from 'zod';

export function validationErrorFrom(error: z.ZodError, prefix = 'Данные не прошли проверку') {
  return new errors.ValidationError(`${prefix}: ${describeIssues(error).join('; ')}`, {
    errors: error.issues.map((issue) => ({
      path: issue.path.map(String),
      message: issue.message,
      name: 'ValidationError',
    })),
  });
}

/** The first problem of a zod failure on a field, as «Поле a.b: message» with that path. */
export function fieldValidationError(error: z.ZodError, base: readonly string[] = []) {
  const [issue] = error.issues;
  const path = [...base, ...(issue?.path.map(String) ?? [])];
  return new errors.ValidationError(`Поле ${path.join('.')}: ${issue?.message ?? 'неверное значение'}`, {
    path,
  });
}
