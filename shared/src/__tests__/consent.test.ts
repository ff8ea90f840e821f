import { describe, expect, it } from 'vitest';
import { ANONYMISED_NAME, ageOn, anonymisedPersonPatch, consentProblems, isMinor } from '../consent.js';

const today = '2025-11-23';
const self = { givenBy: 'self' as const, processing: true, signedAt: '2025-09-01' };

describe('consent rules', () => {
  it.each([
    ['2007-11-23', 18],
    ['2007-11-24', 17],
    ['2014-02-01', 11],
  ])('age of someone born %s is %i', (birth, age) => {
    expect(ageOn(birth, today)).toBe(age);
  });

  it.each([
    [{ category: 'pupil' }, true],
    [{ category: 'teacher' }, false],
    [{ category: 'student', birthDate: '2009-01-01' }, true],
    [{ category: 'pupil', birthDate: '2005-01-01' }, false],
    [{ category: 'graduate', birthYear: 2010 }, true],
  ])('isMinor(%j) is %s', (person, expected) => {
    expect(isMinor(person, today)).toBe(expected);
  });

  it('requires a consent at all', () => {
    expect(consentProblems({ category: 'teacher' }, today).map((p) => p.field)).toEqual(['consent']);
  });

  it('accepts an adult consenting for themselves', () => {
    expect(consentProblems({ category: 'teacher', consent: self }, today)).toEqual([]);
  });

  it("names every missing part of a minor's consent", () => {
    const fields = consentProblems(
      { category: 'pupil', consent: { givenBy: 'legal_representative', processing: false } },
      today,
    ).map((p) => p.field);
    expect(fields).toEqual(['consent.processing', 'consent.signedAt', 'consent.representativeName']);
    expect(consentProblems({ category: 'pupil', consent: self }, today).map((p) => p.field)).toEqual([
      'consent.givenBy',
    ]);
  });

  it('refuses an expired consent', () => {
    expect(
      consentProblems({ category: 'teacher', consent: { ...self, validUntil: '2025-01-01' } }, today).map(
        (p) => p.field,
      ),
    ).toEqual(['consent.validUntil']);
  });

  it('anonymises identifying fields but keeps who gave the consent and when it was withdrawn', () => {
    const patch = anonymisedPersonPatch('2025-12-01T00:00:00.000Z', 'legal_representative');
    expect(patch.fullName).toBe(ANONYMISED_NAME);
    expect(patch).toMatchObject({ birthDate: null, email: null, phone: null, anonymised: true });
    expect(patch.consent).toMatchObject({
      givenBy: 'legal_representative',
      representativeName: null,
      processing: false,
      withdrawnAt: '2025-12-01T00:00:00.000Z',
    });
    expect(Object.keys(patch)).not.toContain('category');
  });
});
