import { describe, expect, it } from 'vitest';
import {
  PAIR_TRANSITIONS,
  menteeToMentorProblem,
  pairMemberProblems,
  pairWriteProblems,
  type PairMember,
} from '../pairs.js';
import { pairStatuses } from '../enums.js';

const order = { approvalOrderNumber: '112-од', approvalOrderDate: '2026-09-29' };

describe('pair lifecycle', () => {
  it('walks proposed → fixed by order → active → completed', () => {
    expect(pairWriteProblems(undefined, {})).toEqual([]);
    const proposed = { pairStatus: 'proposed' as const };
    expect(pairWriteProblems(proposed, { pairStatus: 'approved', ...order })).toEqual([]);
    const fixed = { pairStatus: 'approved' as const, ...order };
    expect(pairWriteProblems(fixed, { pairStatus: 'active' })).toEqual([]);
    expect(
      pairWriteProblems({ ...fixed, pairStatus: 'active' }, { pairStatus: 'completed', outcome: 'achieved' }),
    ).toEqual([]);
  });

  it('needs an order number and date to fix a pair', () => {
    expect(pairWriteProblems({ pairStatus: 'proposed' }, { pairStatus: 'approved' })).toEqual([
      {
        field: 'approvalOrderNumber',
        message:
          'Пара в состоянии «Закреплена приказом» закрепляется приказом «О закреплении наставнических пар (групп)»: укажите номер приказа и дату приказа.',
      },
    ]);
    expect(
      pairWriteProblems(undefined, { pairStatus: 'active', approvalOrderNumber: '5' })[0]?.message,
    ).toMatch(/укажите дату приказа\.$/);
  });

  it('terminates only with a reason', () => {
    expect(pairWriteProblems({ pairStatus: 'active', ...order }, { pairStatus: 'dissolved' })).toEqual([
      { field: 'dissolutionReason', message: 'Укажите причину прекращения работы пары.' },
    ]);
    expect(
      pairWriteProblems(
        { pairStatus: 'active', ...order },
        { pairStatus: 'dissolved', dissolutionReason: 'Наставник уволился' },
      ),
    ).toEqual([]);
  });

  it.each(
    pairStatuses.values.flatMap((from) =>
      pairStatuses.values
        .filter((to) => to !== from && !PAIR_TRANSITIONS[from].includes(to))
        .map((to) => [from, to] as const),
    ),
  )('refuses %s → %s in Russian', (from, to) => {
    const [problem] = pairWriteProblems(
      { pairStatus: from, ...order, dissolutionReason: 'причина' },
      { pairStatus: to },
    );
    expect(problem?.field).toBe('pairStatus');
    expect(problem?.message).toContain(
      `Нельзя перевести пару из состояния «${pairStatuses.label(from)}» в «${pairStatuses.label(to)}»`,
    );
  });

  it('completes only with an outcome', () => {
    expect(pairWriteProblems({ pairStatus: 'active', ...order }, { pairStatus: 'completed' })).toEqual([
      {
        field: 'outcome',
        message:
          'Чтобы завершить пару, укажите её итог: «Цели достигнуты», «Цели достигнуты частично», «Цели не достигнуты».',
      },
    ]);
  });

  it('lets a mentee of a successful completed pair become a mentor', () => {
    const pair = { pairStatus: 'completed' as const, outcome: 'achieved', menteeIds: ['m'] };
    expect(menteeToMentorProblem(pair, 'm')).toBeUndefined();
    expect(menteeToMentorProblem(pair, 'x')).toBe('Участник не является наставляемым этой пары.');
    expect(menteeToMentorProblem({ ...pair, pairStatus: 'active' }, 'm')).toMatch(/после завершения/);
    expect(menteeToMentorProblem({ ...pair, outcome: 'partly_achieved' }, 'm')).toMatch(/«Цели достигнуты»/);
  });

  it('keeps the order of an active pair as it was', () => {
    expect(
      pairWriteProblems({ pairStatus: 'active', ...order }, { approvalOrderNumber: '113-од' })[0]?.message,
    ).toBe('Приказ о закреплении пары в состоянии «Работает» изменить нельзя.');
    expect(
      pairWriteProblems({ pairStatus: 'approved', ...order }, { approvalOrderNumber: '113-од' }),
    ).toEqual([]);
  });
});

describe('pair members', () => {
  const teacher: PairMember = {
    fullName: 'Смирнова О. В.',
    category: 'teacher',
    consent: { givenBy: 'self', processing: true, signedAt: '2026-09-01' },
  };
  it('refuses a member waiting for consent, a minor without a representative, a wrong category', () => {
    const problems = pairMemberProblems(
      'teacher_teacher',
      [teacher, { fullName: 'Петров П.', category: 'pupil', consent: teacher.consent, birthYear: 2012 }],
      [{ fullName: 'Кузнецов А.', category: 'young_specialist', awaitingConsent: true }],
      '2026-11-29',
    );
    expect(problems.map((p) => p.message)).toEqual([
      'Петров П. не может быть наставником: нет действующего согласия на обработку персональных данных.',
      'Кузнецов А. не может быть наставляемым: ожидает согласия на обработку персональных данных.',
    ]);
    expect(pairMemberProblems('pupil_pupil', [teacher], [], '2026-11-29').map((p) => p.message)).toEqual([
      'Смирнова О. В. не может быть наставником в форме «Ученик – ученик»: категория «Педагог».',
    ]);
  });
});
