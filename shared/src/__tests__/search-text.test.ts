import { describe, expect, it } from 'vitest';
import { stemmer } from '@orama/stemmers/russian';
import { searchTerms, snippet, stemmedText } from '../search-text.js';

describe('Russian search terms', () => {
  it('meets different forms of a word at one stem', () => {
    expect(searchTerms('наставнику', stemmer)).toEqual(searchTerms('наставники', stemmer));
    expect(searchTerms('Дробями', stemmer)).toEqual(searchTerms('дроби', stemmer));
  });

  it('drops stop words and symbols, reads «ё» as «е», keeps each stem once', () => {
    expect(searchTerms('Наставник и наставники: всё — в работе!', stemmer)).toEqual(['наставник', 'работ']);
    expect(searchTerms('ещё', stemmer)).toEqual([]);
  });

  it('indexes a text as its stems', () => {
    expect(stemmedText('Старшеклассники помогли шестиклассникам', stemmer)).toBe(
      'старшеклассник помогл шестиклассник',
    );
  });
});

describe('snippets', () => {
  const text =
    'В начале года школа провела анкетирование. Оказалось, что шестиклассники не успевают по теме «Дроби». ' +
    'Тогда старшеклассники стали наставниками для младших: раз в неделю они разбирали задачи с дробями.';

  it('marks every form of the searched words in the best stretch', () => {
    const parts = snippet(text, searchTerms('дробь наставник', stemmer), stemmer, 20);
    expect(parts.filter((p) => p.match).map((p) => p.text)).toEqual(['Дроби', 'наставниками', 'дробями']);
    expect(parts.map((p) => p.text).join('')).toContain('старшеклассники стали');
  });

  it('starts at the beginning when nothing matches, and marks an elided end', () => {
    const parts = snippet(text, ['космос'], stemmer, 5);
    expect(parts.map((p) => p.text).join('')).toBe('В начале года школа провела …');
    expect(parts.some((p) => p.match)).toBe(false);
  });
});
