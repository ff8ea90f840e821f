import { describe, expect, it } from 'vitest';
import { scrubMessage } from '../errors.js';

describe('error messages in the log', () => {
  it('keep their shape without the values', () => {
    expect(scrubMessage('duplicate key (email)=(ivanova@school.ru) for «Иванова Мария»')).toBe(
      'duplicate key (‹…›)=(‹…›) for ‹…›',
    );
    expect(scrubMessage('Ошибка у Петрова, тел. +7 (912) 345-67-89')).toBe('‹…› у ‹…›, тел. ‹число›');
  });

  it('keep both ends of a long driver message: the statement and the reason after it', () => {
    const message = `select ${'x, '.repeat(400)}y from t - column y does not exist`;
    const scrubbed = scrubMessage(message);
    expect(scrubbed.length).toBeLessThanOrEqual(505);
    expect(scrubbed.startsWith('select x, x,')).toBe(true);
    expect(scrubbed.endsWith('from t - column y does not exist')).toBe(true);
  });
});
