import { describe, expect, it } from 'vitest';
import { parseJoinForm } from '../join.js';

const TODAY = '2026-11-29';
const adult = {
  role: 'mentor',
  fullName: 'Петрова Анна Сергеевна',
  category: 'teacher',
  birthDate: '1985-04-02',
  email: 'petrova@example.ru',
  phone: '',
  consent: 'on',
};

describe('the join form', () => {
  it('accepts an adult with a contact and a consent', () => {
    const result = parseJoinForm(adult, TODAY);
    expect(result).toMatchObject({
      ok: true,
      form: { role: 'mentor', minor: false, email: 'petrova@example.ru' },
    });
    expect(result.ok && result.form.phone).toBeUndefined();
  });

  it('names every bad field in Russian', () => {
    const result = parseJoinForm(
      { role: 'boss', fullName: 'A1', category: 'staff', birthDate: '02.04.1985', email: 'нет', phone: '12' },
      TODAY,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(
      ['birthDate', 'category', 'consent', 'email', 'fullName', 'phone', 'role'].sort(),
    );
    expect(result.errors.email).toContain('эл. почты');
    expect(result.errors.birthDate).toContain('ДД.ММ.ГГГГ');
  });

  it('asks for a contact', () => {
    const result = parseJoinForm({ ...adult, email: '' }, TODAY);
    expect(result).toEqual({ ok: false, errors: { phone: expect.stringContaining('телефон') as string } });
  });

  it('asks a minor for the representative and their consent', () => {
    const minor = {
      ...adult,
      role: 'mentee',
      category: 'pupil',
      birthDate: '2012-09-01',
      classOrGroup: '8 «А»',
    };
    const result = parseJoinForm(minor, TODAY);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(Object.keys(result.errors).sort()).toEqual(['representativeConsent', 'representativeName']);
    const complete = parseJoinForm(
      { ...minor, representativeName: 'Петров Сергей Иванович', representativeConsent: 'on' },
      TODAY,
    );
    expect(complete).toMatchObject({
      ok: true,
      form: { minor: true, representativeName: 'Петров Сергей Иванович' },
    });
  });

  it('refuses a birth date in the future', () => {
    const result = parseJoinForm({ ...adult, birthDate: '2027-01-01' }, TODAY);
    expect(result.ok || result.errors.birthDate).toBe('Дата рождения не может быть в будущем.');
  });
});
