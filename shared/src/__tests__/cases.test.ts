import { describe, expect, it } from 'vitest';
import {
  caseContentSnapshot,
  changedCaseFields,
  changedSinceSnapshot,
  onlyWithdrawsAuthors,
  reviewStateAfterEdit,
} from '../cases.js';

const stored = {
  title: 'Дроби',
  summary: 'Кратко',
  solution: '<p>Текст</p>',
  organisation: { id: 3, documentId: 'org1' },
  materials: [{ id: 7, url: '/uploads/a.pdf' }],
  authors: [{ id: 1, name: 'Иванова', authorRole: 'куратор', publicationConsent: true }],
  tags: ['математика'],
  sourceUrl: null,
};

describe('changes to a case', () => {
  it('sees no change when a save repeats what is stored (the admin form sends every field)', () => {
    expect(
      changedCaseFields(stored, {
        title: 'Дроби',
        summary: 'Кратко ',
        solution: '<p>Текст</p>',
        organisation: 'org1',
        materials: [7],
        authors: [{ name: 'Иванова', authorRole: 'куратор', publicationConsent: true }],
        tags: ['математика'],
        sourceUrl: '',
        reviewerNote: 'не содержание',
      }),
    ).toEqual([]);
  });

  it.each([
    ['title', { title: 'Дроби и проценты' }],
    ['solution', { solution: '<p>Другой текст</p>' }],
    ['materials', { materials: [7, 8] }],
    ['materials', { materials: { connect: [{ id: 8 }], disconnect: [] } }],
    ['authors', { authors: [{ name: 'Иванова', authorRole: 'наставник', publicationConsent: true }] }],
    ['tags', { tags: ['математика', '6 класс'] }],
    ['sourceUrl', { sourceUrl: 'https://school.example/case' }],
  ])('sees a change of %s', (field, data) => {
    expect(changedCaseFields(stored, data)).toEqual([field]);
  });

  it('ignores an empty relation edit', () => {
    expect(changedCaseFields(stored, { materials: { connect: [], disconnect: [] } })).toEqual([]);
  });

  it('compares the current case with the snapshot taken at approval, which keeps no names', () => {
    const snapshot = caseContentSnapshot(stored);
    expect(JSON.stringify(snapshot)).not.toContain('Иванова');
    expect(changedSinceSnapshot(snapshot, { ...stored, summary: 'Кратко ' })).toEqual([]);
    expect(changedSinceSnapshot(snapshot, { ...stored, results: '3,1 → 3,6' })).toEqual(['results']);
  });
});

describe('the review state after an edit', () => {
  it('sends an approved case whose content changed back to review', () => {
    expect(reviewStateAfterEdit('approved', undefined, ['title'])).toBe('submitted');
  });
  it('leaves it approved when nothing of the content changed', () => {
    expect(reviewStateAfterEdit('approved', undefined, [])).toBeUndefined();
  });
  it('respects a state the write sets itself (a methodist approving an edit)', () => {
    expect(reviewStateAfterEdit('approved', 'approved', ['title'])).toBeUndefined();
  });
  it('leaves drafts and cases under review alone', () => {
    expect(reviewStateAfterEdit('draft', undefined, ['title'])).toBeUndefined();
    expect(reviewStateAfterEdit('submitted', undefined, ['title'])).toBeUndefined();
  });
});

describe('withdrawing authors', () => {
  const authors = [
    { id: 1, name: 'Иванова А. А.', authorRole: 'наставник', publicationConsent: true },
    { id: 2, name: 'Петров Б. Б.', authorRole: 'куратор', publicationConsent: false },
  ];

  it.each([
    ['consent taken back', [{ ...authors[0], publicationConsent: false }, authors[1]]],
    ['an author removed', [authors[1]]],
    ['every author removed', []],
    ['the same list again, without ids', authors.map(({ id: _id, ...a }) => a)],
  ])('needs no review: %s', (_name, after) => {
    expect(onlyWithdrawsAuthors(authors, after)).toBe(true);
  });

  it.each([
    ['consent given', [authors[0], { ...authors[1], publicationConsent: true }]],
    ['an author added', [...authors, { name: 'Новый', publicationConsent: false }]],
    ['a name changed', [{ ...authors[0], name: 'Иванова А. Б.' }, authors[1]]],
    ['a role changed', [{ ...authors[0], authorRole: 'автор' }, authors[1]]],
    ['one author twice', [authors[1], authors[1]]],
    ['not a list', null],
  ])('is an edit to review: %s', (_name, after) => {
    expect(onlyWithdrawsAuthors(authors, after)).toBe(false);
  });
});
