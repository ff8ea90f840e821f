import { describe, expect, it } from 'vitest';
import { enumerations } from '../enums.js';
import { enumerationOfValues, enumValueLabel } from '../enum-labels.js';

describe('enumeration labels from the value list alone', () => {
  it('no two enumerations share a value set, so the set names its enumeration', () => {
    for (const [name, e] of Object.entries(enumerations)) {
      expect(enumerationOfValues([...e.values].reverse()), name).toBe(e);
    }
  });

  it('words a value as its own enumeration does, even where another words it differently', () => {
    const pairStatusValues = enumerations.pairStatuses.values;
    const roadmapStateValues = enumerations.roadmapStates.values;
    expect(enumValueLabel(pairStatusValues, 'completed')).toBe('Завершена');
    expect(enumValueLabel(roadmapStateValues, 'completed')).toBe('Выполнена');
    expect(enumValueLabel(enumerations.personCategories.values, 'pupil')).toBe('Обучающийся (школьник)');
  });

  it('leaves values of an unknown list as they are', () => {
    expect(enumValueLabel(['a', 'b'], 'a')).toBe('a');
    expect(enumValueLabel(enumerations.pairStatuses.values, 'unknown')).toBe('unknown');
  });
});
