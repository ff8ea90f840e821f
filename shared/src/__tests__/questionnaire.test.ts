import { describe, expect, it } from 'vitest';
import { answerProblems, questionsSchema } from '../questionnaire.js';

const questions = questionsSchema.parse([
  { code: 'overall', text: 'Оценка', type: 'scale', min: 1, max: 10, required: true },
  { code: 'form', text: 'Форма', type: 'choice', options: ['очно', 'онлайн'] },
  { code: 'topics', text: 'Темы', type: 'multichoice', options: ['учёба', 'профессия'] },
  { code: 'comment', text: 'Комментарий', type: 'text' },
]);

describe('questionnaires', () => {
  it('accepts valid answers', () => {
    expect(
      answerProblems(questions, { overall: 7, form: 'онлайн', topics: ['учёба'], comment: 'ок' }),
    ).toEqual([]);
  });

  it.each([
    [{}, 'обязателен'],
    [{ overall: 11 }, 'от 1 до 10'],
    [{ overall: 5, form: 'письмом' }, 'очно, онлайн'],
    [{ overall: 5, topics: 'учёба' }, 'список'],
    [{ overall: 5, extra: 1 }, 'такого вопроса нет'],
  ])('names the problem with %j', (answers, message) => {
    expect(answerProblems(questions, answers).join(' ')).toContain(message);
  });

  it('refuses templates with repeated codes or choices without options', () => {
    expect(
      questionsSchema.safeParse([
        { code: 'a', text: 'x', type: 'text' },
        { code: 'a', text: 'y', type: 'text' },
      ]).success,
    ).toBe(false);
    expect(questionsSchema.safeParse([{ code: 'a', text: 'x', type: 'choice' }]).success).toBe(false);
  });
});
