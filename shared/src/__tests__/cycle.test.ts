import { describe, expect, it } from 'vitest';
import {
  awardProblems,
  groupByMentor,
  groupProblem,
  kindFor,
  planFromTemplate,
  planProblems,
  programmeCycleStage,
  publicAwards,
  trackPlan,
} from '../cycle.js';

describe('groups and triads by form', () => {
  it('names the kind a mentor with several mentees forms', () => {
    expect(kindFor('teacher_teacher', 1)).toBe('pair');
    expect(kindFor('teacher_teacher', 2)).toBe('triad');
    expect(kindFor('employer_student', 2)).toBe('group');
    expect(kindFor('pupil_pupil', 4)).toBe('group');
  });

  it('refuses kinds and sizes the form does not allow, in Russian', () => {
    expect(groupProblem('pupil_pupil', 'group', 5, 1)).toBeUndefined();
    expect(groupProblem('pupil_pupil', 'group', 6, 1)).toBe(
      'В форме «Ученик – ученик» один наставник ведёт не больше 5 наставляемых вместе, а указано 6.',
    );
    expect(groupProblem('employer_student', 'triad', 2, 1)).toBe(
      'Форма «Работодатель – студент» не работает в виде «Триада»: допустимы «пара», «группа».',
    );
    expect(groupProblem('pupil_pupil', 'pair', 2, 1)).toBe(
      'В паре один наставляемый, а указано 2: выберите вид «триада» или «группа».',
    );
    expect(groupProblem('pupil_pupil', 'triad', 3, 1)).toBe(
      'Триада — наставник и двое наставляемых, а наставляемых 3.',
    );
  });

  it('splits a mentor’s mentees into groups no larger than the form allows', () => {
    const proposals = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((m) => ({ mentorId: 'M', menteeId: m }));
    expect(groupByMentor('pupil_pupil', proposals).map((g) => [g.kind, g.menteeIds.length])).toEqual([
      ['group', 5],
      ['triad', 2],
    ]);
    expect(groupByMentor('employer_student', proposals.slice(0, 2)).map((g) => g.kind)).toEqual(['group']);
  });
});

describe('the individual development plan', () => {
  const plan = planFromTemplate('teacher_teacher', '2026-09-01');

  it('comes from the form’s template with deadlines from the start', () => {
    expect(plan).toHaveLength(5);
    expect(plan[0]).toEqual({
      goal: 'Диагностика профессиональных затруднений молодого педагога',
      dueDate: '2026-09-15',
      goalStatus: 'planned',
      progress: 0,
    });
  });

  it('is tracked like road-map activities «не позднее срока»: done, overdue, due soon, in its window', () => {
    const goals = plan.map((g, i) => (i === 0 ? { ...g, goalStatus: 'done' as const, result: 'Карта' } : g));
    const tracked = trackPlan(goals, '2026-10-20');
    expect(tracked.goals.map((g) => g.state)).toEqual([
      'closed',
      'overdue',
      'due_soon',
      'in_window',
      'in_window',
    ]);
    expect([tracked.done, tracked.overdue, tracked.dueSoon]).toEqual([1, 1, 1]);
  });

  it('wants the result of a goal marked done', () => {
    expect(planProblems([{ goal: 'Открытый урок', goalStatus: 'done' }])).toEqual([
      { index: 0, message: 'Цель «Открытый урок» отмечена выполненной: укажите её результат.' },
    ]);
  });
});

describe('the stage of a programme', () => {
  const base = { mentees: 3, mentors: 2, mentorsSelected: 2, requireMentorTraining: true, pairs: {} };
  it.each([
    [{ ...base, mentees: 0 }, 'mentee_base'],
    [{ ...base, mentors: 0 }, 'mentor_base'],
    [{ ...base, mentorsSelected: 1 }, 'mentor_training'],
    [base, 'matching'],
    [{ ...base, pairs: { proposed: 1 } }, 'matching'],
    [{ ...base, pairs: { active: 1, completed: 2 } }, 'running'],
    [{ ...base, pairs: { completed: 2 } }, 'completion'],
  ] as const)('%j → %s', (counts, stage) => {
    expect(programmeCycleStage(counts)).toBe(stage);
  });
});

describe('mentor awards', () => {
  const award = { kind: 'best_mentor' as const, date: '2027-05-20', publish: true };
  it('go to mentors only, and onto the site only with the publication consent', () => {
    expect(awardProblems({ isMentor: false }, [award])[0]).toMatch(
      /^Награды и благодарности вручаются наставникам/,
    );
    expect(awardProblems({ isMentor: true, consent: { publication: false } }, [award])[0]).toMatch(
      /^Опубликовать награду на сайте можно только с согласием наставника/,
    );
    expect(
      awardProblems({ isMentor: true, consent: { publication: false } }, [{ ...award, publish: false }]),
    ).toEqual([]);
  });

  it('disappear from the site when the consent is withdrawn', () => {
    const mentor = { isMentor: true, consent: { publication: true } };
    expect(publicAwards(mentor, [award, { ...award, publish: false }])).toEqual([award]);
    expect(
      publicAwards({ ...mentor, consent: { publication: true, withdrawnAt: '2027-06-01' } }, [award]),
    ).toEqual([]);
  });
});
