import { describe, expect, it } from 'vitest';
import { meetingFormSchema } from '../meeting.js';

const form = {
  pair: 'pair1',
  kind: 'working' as const,
  date: '2025-03-14',
  topic: ' Подготовка к олимпиаде ',
  notes: '',
  mentorRating: '9',
  menteeRating: '',
  mentorComment: '',
  menteeComment: 'Было полезно',
};

describe('meetingFormSchema', () => {
  it('turns the form into the CMS input, leaving empty optional fields out', () => {
    expect(meetingFormSchema.parse(form)).toEqual({
      pair: 'pair1',
      kind: 'working',
      date: '2025-03-14',
      topic: 'Подготовка к олимпиаде',
      mentorFeedback: { rating: 9 },
      menteeFeedback: { comment: 'Было полезно' },
    });
  });

  it('sends both parts of a side together and no component for a side that said nothing', () => {
    expect(
      meetingFormSchema.parse({
        ...form,
        mentorComment: 'Готовимся дальше',
        menteeComment: ' ',
        notes: 'Итоги',
      }),
    ).toEqual({
      pair: 'pair1',
      kind: 'working',
      date: '2025-03-14',
      topic: 'Подготовка к олимпиаде',
      notes: 'Итоги',
      mentorFeedback: { rating: 9, comment: 'Готовимся дальше' },
    });
  });

  it.each([
    [{ pair: '' }, 'Выберите пару'],
    [{ date: '14.03.2025' }, 'Укажите дату встречи'],
    [{ mentorRating: '11' }, 'Оценка от 1 до 10'],
    [{ kind: 'party' }, ''],
  ])('refuses %j', (change, message) => {
    const result = meetingFormSchema.safeParse({ ...form, ...change });
    expect(result.success).toBe(false);
    if (!result.success && message)
      expect(result.error.issues.map((issue) => issue.message)).toContain(message);
  });
});
