import { describe, expect, it } from 'vitest';
import { WITHDRAWN_NAME_TEXT, withoutPersonName } from '../consent.js';

const NAME = 'Баева Светлана Николаевна';

describe('a withdrawn person’s name in free text', () => {
  it.each([
    ['Баева С.Н., заместитель директора', `${WITHDRAWN_NAME_TEXT}, заместитель директора`],
    ['Баева С. Н.', WITHDRAWN_NAME_TEXT],
    ['С.Н. Баёва; Иванов И.И.', `${WITHDRAWN_NAME_TEXT}; Иванов И.И.`],
    ['баева светлана николаевна', WITHDRAWN_NAME_TEXT],
    ['Светлана Николаевна Баева', WITHDRAWN_NAME_TEXT],
    ['куратор — Баева Светлана', `куратор — ${WITHDRAWN_NAME_TEXT}`],
  ])('«%s» loses the name', (text, expected) => {
    expect(withoutPersonName(text, NAME)).toBe(expected);
  });

  it.each(['Баевас С.Н.', 'Иванов И.И.', 'Баева А.Н.', 'Заместитель директора по ВР', ''])(
    '«%s» is left alone',
    (text) => {
      expect(withoutPersonName(text, NAME)).toBeUndefined();
    },
  );

  it('a one-word name is too weak to look for', () => {
    expect(withoutPersonName('Участник Баева', 'Баева')).toBeUndefined();
  });
});
