import { describe, expect, it } from 'vitest';
import { withoutLegacyLegend } from '../setup/admin-labels.js';

describe('the legacy enumeration legend under admin fields', () => {
  it('is removed, keeping the rest of the description', () => {
    expect(withoutLegacyLegend('Значения: pupil — Обучающийся (школьник); student — Студент')).toBe('');
    expect(
      withoutLegacyLegend('Кто дал согласие. Значения: self — Сам участник; legal_representative — Законный'),
    ).toBe('Кто дал согласие');
  });

  it('leaves descriptions written by people alone', () => {
    expect(withoutLegacyLegend('Значения берутся из приказа')).toBeUndefined();
    expect(withoutLegacyLegend(undefined)).toBeUndefined();
  });
});
