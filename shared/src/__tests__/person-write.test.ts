/** The personal-data rule for one write of a person, and the review rule of cases: pure decisions. */
import { describe, expect, it } from 'vitest';
import { publicationProblem, reviewDecisionProblem } from '../cases.js';
import { ANONYMISED_NAME, decidePersonWrite } from '../consent.js';

const today = '2025-11-23';
const consent = { givenBy: 'self' as const, processing: true, signedAt: '2025-09-01' };

describe('decidePersonWrite', () => {
  it('stores an adult with a sufficient consent', () => {
    expect(
      decidePersonWrite(undefined, { fullName: 'Иванова А.А.', category: 'teacher', consent }, today),
    ).toEqual({
      kind: 'store',
    });
  });

  it('refuses a person without a consent, naming the consent block', () => {
    const decision = decidePersonWrite(undefined, { fullName: 'Иванова А.А.', category: 'teacher' }, today);
    expect(decision.kind).toBe('refuse');
    expect(decision.kind === 'refuse' && decision.problems[0]?.field).toBe('consent');
  });

  it('keeps only the name and class of someone awaiting a consent', () => {
    const awaiting = {
      fullName: 'Петров Петя',
      category: 'pupil',
      classOrGroup: '5А',
      awaitingConsent: true,
    };
    expect(decidePersonWrite(undefined, awaiting, today)).toEqual({ kind: 'store' });
    const decision = decidePersonWrite(undefined, { ...awaiting, birthDate: '2014-01-01' }, today);
    expect(decision.kind === 'refuse' && decision.problems[0]?.field).toBe('birthDate');
  });

  it('anonymises on withdrawal and clears the waiting flag when the consent arrives', () => {
    const withdrawn = decidePersonWrite(
      { category: 'teacher', consent },
      { consent: { ...consent, withdrawnAt: '2025-11-01' } },
      today,
    );
    expect(withdrawn.kind === 'replace' && withdrawn.data).toMatchObject({
      fullName: ANONYMISED_NAME,
      anonymised: true,
    });
    const arrived = decidePersonWrite({ category: 'teacher', awaitingConsent: true }, { consent }, today);
    expect(arrived).toEqual({ kind: 'replace', data: { consent, awaitingConsent: false } });
  });

  it('never lets identifying data back into an anonymised person, but lets counting fields change', () => {
    const anonymised = { category: 'pupil', anonymised: true };
    const decision = decidePersonWrite(anonymised, { email: 'a@b.ru' }, today);
    expect(decision.kind === 'refuse' && decision.problems[0]?.field).toBe('email');
    expect(decidePersonWrite(anonymised, { classOrGroup: '6А' }, today)).toEqual({ kind: 'store' });
  });
});

describe('case review', () => {
  it.each([
    ['methodist', 'approved', false],
    ['curator', 'approved', true],
    ['staff', 'changes_requested', true],
    ['curator', 'submitted', false],
    [null, 'approved', true],
  ] as const)('%s setting %s is refused: %s', (role, state, refused) => {
    expect(reviewDecisionProblem(role, state) !== undefined).toBe(refused);
  });

  it('publishes only an approved case', () => {
    expect(publicationProblem('approved')).toBeUndefined();
    expect(publicationProblem('submitted')).toMatch(/одобрения методистом/);
    expect(publicationProblem(undefined)).toMatch(/одобрения методистом/);
  });
});
