import { describe, expect, it } from 'vitest';
import type { Consent } from '../../consent.js';
import {
  gradeOf,
  profileFromAnswers,
  proposeMatching,
  scorePair,
  type MatchingParticipant,
} from '../index.js';
import { DEFAULT_MATCHING_WEIGHTS, matchingProfileSchema } from '../schema.js';
import { prepareProfile, scoreValue } from '../score.js';

const today = '2026-11-29';
const adultConsent: Partial<Consent> = { givenBy: 'self', processing: true, signedAt: '2026-09-01' };
const minorConsent: Partial<Consent> = {
  givenBy: 'legal_representative',
  representativeName: 'Иванова Мария Петровна',
  processing: true,
  signedAt: '2026-09-01',
};
const profile = (p: Partial<MatchingParticipant['profile']> = {}) => matchingProfileSchema.parse(p);

const teacher = (id: string, extra: Partial<MatchingParticipant> = {}): MatchingParticipant => ({
  id,
  category: 'teacher',
  organisationId: 'school',
  consent: adultConsent,
  ...extra,
});
const pupil = (
  id: string,
  birthYear: number,
  extra: Partial<MatchingParticipant> = {},
): MatchingParticipant => ({
  id,
  category: 'pupil',
  organisationId: 'school',
  birthYear,
  consent: minorConsent,
  ...extra,
});

describe('proposeMatching: hard constraints', () => {
  it('refuses mentees without consent, of the wrong category, or already in an active pair', () => {
    const result = proposeMatching({
      form: 'teacher_teacher',
      today,
      mentees: [
        teacher('no-consent', { consent: null }),
        pupil('pupil', 2012),
        teacher('busy', { activeInProgramme: 1 }),
        teacher('waiting', { consent: null, awaitingConsent: true }),
      ],
      mentors: [teacher('mentor', { profile: profile({ capacity: 5 }) })],
    });
    expect(result.proposals).toEqual([]);
    const reasons = Object.fromEntries(result.unmatched.map((u) => [u.menteeId, u.reason]));
    expect(reasons['no-consent']).toMatch(/^Наставляемый: нет действующего согласия/);
    expect(reasons.pupil).toBe(
      'Наставляемый по форме «Учитель – учитель» — педагог или молодой специалист, а участник — обучающийся (школьник).',
    );
    expect(reasons.busy).toBe('Наставляемый уже состоит в действующей паре этой программы.');
    expect(reasons.waiting).toBe('Наставляемый: ожидает согласия на обработку персональных данных.');
  });

  it("needs the representative's consent for a minor mentor", () => {
    const result = proposeMatching({
      form: 'pupil_pupil',
      today,
      mentees: [pupil('young', 2016)],
      mentors: [pupil('older', 2010, { consent: adultConsent })],
    });
    expect(result.ineligibleMentors[0]?.reason).toMatch(/законный представитель/);
    expect(result.unmatched[0]?.reason).toMatch(/Нет наставников, доступных для подбора/);
  });

  it('pairs pupils only with an older mentor, by birth date, year, or class', () => {
    const result = proposeMatching({
      form: 'pupil_pupil',
      today,
      mentees: [
        pupil('m1', 2014),
        pupil('m2', 2009),
        pupil('m3', 0, { birthYear: null, classOrGroup: '5А' }),
        pupil('m4', 0, { birthYear: null }),
      ],
      mentors: [pupil('t', 2009, { classOrGroup: '11Б', profile: profile({ capacity: 5 }) })],
    });
    expect(result.proposals.map((p) => p.menteeId).sort()).toEqual(['m1', 'm3']);
    const reasons = Object.fromEntries(result.unmatched.map((u) => [u.menteeId, u.reason]));
    expect(reasons.m2).toBe('Нет подходящего наставника: наставник не старше наставляемого (1).');
    expect(reasons.m4).toMatch(/неизвестен возраст или класс/);
    expect(gradeOf('11 Б')).toBe(11);
    expect(gradeOf('ИС-21')).toBeUndefined();
  });

  it('takes mentors from the same organisation or a partner, employers only from a partner', () => {
    const student = (id: string, org: string): MatchingParticipant => ({
      id,
      category: 'student',
      organisationId: org,
      birthYear: 2006,
      consent: adultConsent,
    });
    const employer = (id: string, org: string): MatchingParticipant => ({
      id,
      category: 'employer',
      organisationId: org,
      consent: adultConsent,
      profile: profile({ capacity: 2 }),
    });
    const result = proposeMatching({
      form: 'employer_student',
      today,
      mentees: [student('s1', 'college'), student('s2', 'other-college')],
      mentors: [employer('own', 'college'), employer('plant', 'plant')],
      partnerships: [['college', 'plant']],
    });
    expect(result.proposals.map((p) => [p.menteeId, p.mentorId])).toEqual([['s1', 'plant']]);
    expect(result.unmatched).toEqual([
      {
        menteeId: 's2',
        reason: 'Нет подходящего наставника: работодатель не из организации-партнёра (2).',
      },
    ]);
  });

  it('offers only mentors who passed the interview and training when the programme asks', () => {
    const input = {
      form: 'teacher_teacher' as const,
      today,
      mentees: [teacher('young', { category: 'young_specialist' })],
      mentors: [
        teacher('untrained', { selection: { interviewHeld: true, trainingCompleted: false } }),
        teacher('trained', { selection: { interviewHeld: true, trainingCompleted: true } }),
      ],
    };
    expect(proposeMatching({ ...input, requireMentorTraining: true }).proposals[0]?.mentorId).toBe('trained');
    const result = proposeMatching({ ...input, requireMentorTraining: true });
    expect(result.ineligibleMentors).toEqual([
      { mentorId: 'untrained', reason: 'Наставник не прошёл отбор: программа требует обучение наставников.' },
    ]);
    expect(proposeMatching(input).ineligibleMentors).toEqual([]);
  });
});

describe('proposeMatching: scores, capacities, locks', () => {
  const math = profile({
    competences: ['Подготовка к ОГЭ', 'Математика'],
    subjects: ['алгебра'],
    capacity: 1,
  });
  const lit = profile({ competences: ['Литература'], subjects: ['русский язык'], capacity: 1 });

  it('gives each mentee the mentor whose answers fit and explains it in Russian', () => {
    const result = proposeMatching({
      form: 'teacher_teacher',
      today,
      mentees: [
        teacher('a', { profile: profile({ requests: ['подготовка к ОГЭ', 'ЕГЭ'], subjects: ['Алгебра'] }) }),
        teacher('b', { profile: profile({ requests: ['литература'] }) }),
      ],
      mentors: [teacher('math', { profile: math }), teacher('lit', { profile: lit })],
    });
    const byMentee = Object.fromEntries(result.proposals.map((p) => [p.menteeId, p]));
    expect(byMentee.a?.mentorId).toBe('math');
    expect(byMentee.b?.mentorId).toBe('lit');
    expect(byMentee.a?.explanation).toContain('запросы и компетенции — совпали «подготовка к ОГЭ» (1 из 2)');
    expect(byMentee.a?.explanation).toContain('в компетенциях наставника нет «ЕГЭ»');
    expect(byMentee.a?.explanation).toContain('предметы — совпали «Алгебра» (1 из 1)');
    expect(byMentee.a?.explanation).toMatch(/^Оценка \d+ из 100\. Совпало: .*Снизило оценку: /);
    expect(result.totalScore).toBe((byMentee.a?.score ?? 0) + (byMentee.b?.score ?? 0));
  });

  it('respects capacity and says why the other mentee is left', () => {
    const result = proposeMatching({
      form: 'teacher_teacher',
      today,
      mentees: [
        teacher('a', { profile: profile({ requests: ['математика'] }) }),
        teacher('b', { profile: profile({ requests: ['литература'] }) }),
      ],
      mentors: [teacher('math', { profile: math })],
    });
    expect(result.proposals.map((p) => p.menteeId)).toEqual(['a']);
    expect(result.unmatched[0]?.reason).toMatch(/^Все подходящие наставники \(1\) заняты/);
  });

  it('keeps locked pairs, skips rejected ones and re-runs the rest', () => {
    const mentees = [
      teacher('a', { profile: profile({ requests: ['математика'] }) }),
      teacher('b', { profile: profile({ requests: ['литература'] }) }),
    ];
    const mentors = [teacher('math', { profile: math }), teacher('lit', { profile: lit })];
    const result = proposeMatching({
      form: 'teacher_teacher',
      today,
      mentees,
      mentors,
      locked: [{ menteeId: 'a', mentorId: 'lit' }],
    });
    expect(result.proposals.map((p) => [p.menteeId, p.mentorId, p.locked])).toEqual([
      ['a', 'lit', true],
      ['b', 'math', false],
    ]);
    const rerun = proposeMatching({
      form: 'teacher_teacher',
      today,
      mentees,
      mentors,
      rejected: [{ menteeId: 'b', mentorId: 'lit' }],
      locked: [
        { menteeId: 'a', mentorId: 'math' },
        { menteeId: 'b', mentorId: 'math' },
      ],
    });
    expect(rerun.refusedLocks).toEqual([
      { menteeId: 'b', mentorId: 'math', reason: 'у наставника не осталось свободных мест' },
    ]);
    expect(rerun.unmatched).toEqual([
      { menteeId: 'b', reason: 'Нет подходящего наставника: пара отклонена куратором (1).' },
    ]);
  });

  it('scores with the weights given and ignores case and «ё»', () => {
    const mentee = profile({ requests: ['Ёлочные игрушки'], preferredForms: ['teacher_teacher'] });
    const mentor = profile({ competences: ['елочные  игрушки'], preferredForms: ['pupil_pupil'] });
    const onlyRequests = { requests: 1, subjects: 0, interests: 0, availability: 0, form: 0 };
    expect(scorePair('teacher_teacher', mentee, mentor, onlyRequests).score).toBe(100);
    const onlyForm = { ...onlyRequests, requests: 0, form: 1 };
    const formScore = scorePair('teacher_teacher', mentee, mentor, onlyForm);
    expect(formScore.score).toBe(50);
    expect(formScore.explanation).toContain('наставник предпочитает «Ученик – ученик»');
  });

  it('fast score equals the explained score on random profiles', () => {
    const words = ['математика', 'Математика', 'физика', 'ОГЭ', 'ёж', 'еж', 'робототехника', ' '];
    let seed = 7;
    const pick = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return words.filter((_, i) => (seed >> (i + 3)) & 1);
    };
    for (let n = 0; n < 300; n++) {
      const a = profile({ requests: pick(), subjects: pick(), interests: pick(), availability: pick() });
      const b = profile({ competences: pick(), subjects: pick(), interests: pick(), availability: pick() });
      const explained = scorePair('teacher_teacher', a, b, DEFAULT_MATCHING_WEIGHTS);
      expect(
        scoreValue('teacher_teacher', prepareProfile(a), prepareProfile(b), DEFAULT_MATCHING_WEIGHTS),
      ).toBe(explained.score);
      const share = explained.criteria.reduce((s, c) => s + c.weight * c.share, 0);
      expect(explained.score).toBe(Math.round(share));
    }
  });

  it('reads a profile from intake answers by the standard question codes', () => {
    expect(
      profileFromAnswers({
        requests: 'подготовка к ОГЭ; профориентация',
        subjects: ['алгебра'],
        preferred_form: ['Учитель – учитель', 'pupil_pupil', 'нечто'],
        capacity: '3',
      }),
    ).toMatchObject({
      requests: ['подготовка к ОГЭ', 'профориентация'],
      subjects: ['алгебра'],
      preferredForms: ['teacher_teacher', 'pupil_pupil'],
      capacity: 3,
    });
  });
});

describe('proposeMatching: optimal on random small bases', () => {
  it('assigns as many mentees as possible with the greatest total score (exhaustive check)', () => {
    const topics = ['математика', 'физика', 'ОГЭ', 'проекты', 'чтение'];
    let seed = 11;
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const some = () => topics.filter(() => next() < 0.4);
    for (let n = 0; n < 200; n++) {
      const mentees = Array.from({ length: 1 + Math.floor(next() * 6) }, (_, i) =>
        teacher(`e${i}`, {
          organisationId: next() < 0.8 ? 'school' : 'far',
          profile: profile({ requests: some(), interests: some() }),
        }),
      );
      const mentors = Array.from({ length: 1 + Math.floor(next() * 3) }, (_, i) =>
        teacher(`r${i}`, {
          profile: profile({ competences: some(), interests: some(), capacity: Math.floor(next() * 3) }),
        }),
      );
      const result = proposeMatching({ form: 'teacher_teacher', today, mentees, mentors });
      // Exhaustive search over the same compatible pairs: same organisation, free places.
      const free = mentors.map((m) => m.profile?.capacity ?? 1);
      let best = { count: 0, total: 0 };
      const walk = (i: number, count: number, total: number) => {
        const e = mentees[i];
        if (!e) {
          if (count > best.count || (count === best.count && total > best.total)) best = { count, total };
          return;
        }
        walk(i + 1, count, total);
        if (e.organisationId !== 'school') return;
        mentors.forEach((m, j) => {
          const places = free[j] ?? 0;
          if (places < 1) return;
          free[j] = places - 1;
          const s = scorePair(
            'teacher_teacher',
            profile(e.profile),
            profile(m.profile),
            DEFAULT_MATCHING_WEIGHTS,
          );
          walk(i + 1, count + 1, total + s.score);
          free[j] = places;
        });
      };
      walk(0, 0, 0);
      expect({ count: result.proposals.length, total: result.totalScore }, `instance ${n}`).toEqual(best);
      expect(result.proposals.length + result.unmatched.length).toBe(mentees.length);
    }
  });
});
