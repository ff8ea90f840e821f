import { describe, expect, it } from 'vitest';
import { DEFAULT_MATCHING_WEIGHTS, profileFromAnswers, scorePair } from '../matching/index.js';
import { answerProblems, questionsSchema } from '../questionnaire.js';
import { STANDARD_QUESTIONNAIRES } from '../questionnaire-templates.js';

const byTitle = (title: string) => {
  const t = STANDARD_QUESTIONNAIRES.find((q) => q.title === title);
  if (!t) throw new Error(title);
  return t;
};

describe('standard questionnaires', () => {
  it.each(STANDARD_QUESTIONNAIRES.map((t) => [t.title, t] as const))(
    '%s is a valid template',
    (_title, t) => {
      expect(questionsSchema.safeParse(t.questions).success).toBe(true);
    },
  );

  it('teacher intake answers validate and feed matching, a mentee’s request meeting a mentor’s competence', () => {
    const mentee = byTitle('Входная анкета наставляемого педагога');
    const mentor = byTitle('Входная анкета педагога-наставника');
    const menteeAnswers = {
      requests: ['методика урока', 'работа с родителями'],
      subjects: ['математика'],
      availability: ['вт, после уроков'],
      preferred_form: ['Учитель – учитель'],
    };
    const mentorAnswers = {
      competences: ['методика урока'],
      subjects: ['математика', 'физика'],
      availability: ['вт, после уроков', 'чт, после уроков'],
      capacity: 2,
    };
    expect(answerProblems(mentee.questions, menteeAnswers)).toEqual([]);
    expect(answerProblems(mentor.questions, mentorAnswers)).toEqual([]);
    const a = profileFromAnswers(menteeAnswers);
    const b = profileFromAnswers(mentorAnswers);
    expect(b.capacity).toBe(2);
    expect(a.preferredForms).toEqual(['teacher_teacher']);
    const { explanation } = scorePair('teacher_teacher', a, b, DEFAULT_MATCHING_WEIGHTS);
    expect(explanation).toContain('совпали «методика урока» (1 из 2)');
    expect(explanation).toContain('свободное время — совпали «вт, после уроков»');
  });

  it('offers the same topics to mentees and mentors of one audience', () => {
    const options = (title: string, code: string) =>
      byTitle(title).questions.find((q) => q.code === code)?.options;
    expect(options('Входная анкета наставляемого (обучающиеся)', 'requests')).toEqual(
      options('Входная анкета наставника (обучающиеся, студенты, работодатели)', 'competences'),
    );
  });
});
