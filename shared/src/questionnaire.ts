/** Questionnaire templates and the answers validated against them (monitoring, matching). */
import { z } from 'zod';
import { mentoringForms } from './enums.js';

export const questionSchema = z
  .object({
    code: z.string().regex(/^[a-z0-9_]+$/, 'код вопроса: латиница, цифры и «_»'),
    text: z.string().min(1, 'текст вопроса не может быть пустым'),
    type: z.enum(['scale', 'choice', 'multichoice', 'text']),
    options: z.array(z.string().min(1)).optional(),
    min: z.number().int().optional(),
    max: z.number().int().optional(),
    required: z.boolean().default(false),
  })
  .superRefine((q, ctx) => {
    if ((q.type === 'choice' || q.type === 'multichoice') && !q.options?.length) {
      ctx.addIssue({
        code: 'custom',
        message: 'у вопроса с выбором должны быть варианты (options)',
        path: ['options'],
      });
    }
    if (q.type === 'scale' && (q.min === undefined || q.max === undefined || q.min >= q.max)) {
      ctx.addIssue({ code: 'custom', message: 'у шкалы должны быть min и max, min < max', path: ['min'] });
    }
  });
export type Question = z.infer<typeof questionSchema>;

export const questionsSchema = z
  .array(questionSchema)
  .min(1, 'в анкете должен быть хотя бы один вопрос')
  .superRefine((qs, ctx) => {
    const seen = new Set<string>();
    qs.forEach((q, i) => {
      if (seen.has(q.code))
        ctx.addIssue({ code: 'custom', message: `код вопроса «${q.code}» повторяется`, path: [i, 'code'] });
      seen.add(q.code);
    });
  });

export type Answers = Record<string, unknown>;

/** Problems of the answers against the template, each naming the question; empty when valid. */
export function answerProblems(questions: Question[], answers: Answers): string[] {
  const problems: string[] = [];
  const byCode = new Map(questions.map((q) => [q.code, q]));
  for (const code of Object.keys(answers)) {
    if (!byCode.has(code)) problems.push(`Ответ на вопрос «${code}»: такого вопроса нет в анкете.`);
  }
  for (const q of questions) {
    const a = answers[q.code];
    if (a === undefined || a === null || a === '') {
      if (q.required) problems.push(`Вопрос «${q.text}» (${q.code}) обязателен.`);
      continue;
    }
    switch (q.type) {
      case 'scale':
        if (
          typeof a !== 'number' ||
          !Number.isInteger(a) ||
          a < (q.min ?? -Infinity) ||
          a > (q.max ?? Infinity)
        ) {
          problems.push(`Вопрос «${q.text}» (${q.code}): ожидалось целое число от ${q.min} до ${q.max}.`);
        }
        break;
      case 'choice':
        if (typeof a !== 'string' || !q.options?.includes(a)) {
          problems.push(
            `Вопрос «${q.text}» (${q.code}): ожидался один из вариантов: ${q.options?.join(', ')}.`,
          );
        }
        break;
      case 'multichoice':
        if (!Array.isArray(a) || a.some((x) => typeof x !== 'string' || !q.options?.includes(x))) {
          problems.push(
            `Вопрос «${q.text}» (${q.code}): ожидался список из вариантов: ${q.options?.join(', ')}.`,
          );
        }
        break;
      case 'text':
        if (typeof a !== 'string') problems.push(`Вопрос «${q.text}» (${q.code}): ожидался текст.`);
        break;
    }
  }
  return problems;
}

export const preferredFormsSchema = z.array(mentoringForms.schema);
export const tagsSchema = z.array(z.string().min(1).max(60)).max(30);
