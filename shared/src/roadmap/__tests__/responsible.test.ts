import { describe, expect, it } from 'vitest';
import { matchPersons, parseResponsible } from '../responsible.js';
import type { Responsible } from '../schema.js';

const person = (name: string, position?: string): Responsible =>
  position ? { kind: 'person', name, position } : { kind: 'person', name };
const role = (name: string): Responsible => ({ kind: 'role', name });
const body = (name: string): Responsible => ({ kind: 'body', name });

describe('parseResponsible', () => {
  it.each<[string, Responsible[]]>([
    ['Баева С.Н.', [person('Баева С.Н.')]],
    ['Баева С.Н. Сапельцева О.И.', [person('Баева С.Н.'), person('Сапельцева О.И.')]],
    [
      'Сапельцева О.И. Першина Т.В. Баева С.Н.',
      [person('Сапельцева О.И.'), person('Першина Т.В.'), person('Баева С.Н.')],
    ],
    ['Белых Е.В., зам. директора по УР', [person('Белых Е.В.', 'зам. директора по УР')]],
    [
      'Белых Е.В., зам. директора по УР Казанцева Л.А., зам. директора по УВР',
      [person('Белых Е.В.', 'зам. директора по УР'), person('Казанцева Л.А.', 'зам. директора по УВР')],
    ],
    [
      'Казанцева Л.А., зам. директора по УВР Шастина В.А., зав. филиалом',
      [person('Казанцева Л.А.', 'зам. директора по УВР'), person('Шастина В.А.', 'зав. филиалом')],
    ],
    ['Б.Б. Буторин, директор техникума', [person('Буторин Б.Б.', 'директор техникума')]],
    ['Банникова Н.А., \nТарасова Н.И.', [person('Банникова Н.А.'), person('Тарасова Н.И.')]],
    ['Рогова Татьяна Сергеевна', [person('Рогова Татьяна Сергеевна')]],
    ['Директор', [role('Директор')]],
    ['Куратор', [role('Куратор')]],
    ['Директор, куратор', [role('Директор'), role('Куратор')]],
    ['Классные руководители', [role('Классные руководители')]],
    ['Заместитель директора по ВР', [role('Заместитель директора по ВР')]],
    // A position written right before the name is that person's.
    ['Директор Н.А.Банникова', [person('Банникова Н.А.', 'Директор')]],
    ['Директор Куликова Т.А.', [person('Куликова Т.А.', 'Директор')]],
    ['Директор Куликова Т.А., куратор', [person('Куликова Т.А.', 'Директор'), role('Куратор')]],
    [
      'Директор, заместитель директора по ВР Иванова А.А.',
      [role('Директор'), person('Иванова А.А.', 'заместитель директора по ВР')],
    ],
    // A plural names a group of people next to the person, not the person's position.
    ['Панова И.А., руководители ШМО', [person('Панова И.А.'), role('Руководители ШМО')]],
    ['Смирнова О.П., классные руководители', [person('Смирнова О.П.'), role('Классные руководители')]],
    ['Панова И.А., руководитель ШМО', [person('Панова И.А.', 'руководитель ШМО')]],
    // A plural after the person's position is a group of its own, not the rest of the position.
    [
      'Пономарёва Е.А., заведующий МБДОУ №18, педагоги',
      [person('Пономарёва Е.А.', 'заведующий МБДОУ №18'), role('Педагоги')],
    ],
    [
      'Белых Е.В., зам. директора по УР, классные руководители',
      [person('Белых Е.В.', 'зам. директора по УР'), role('Классные руководители')],
    ],
    ['Классные руководители Смирнова О.П.', [role('Классные руководители'), person('Смирнова О.П.')]],
    ['Куратор: Смирнова О.П.', [role('Куратор'), person('Смирнова О.П.')]],
    ['УОиМП', [body('УОиМП')]],
    ['РЦ', [body('РЦ')]],
    ['ЮЗУ\nРЦ', [body('ЮЗУ'), body('РЦ')]],
    ['ИМЦ, образовательные организации', [body('ИМЦ'), body('Образовательные организации')]],
    ['Образовательные организации', [body('Образовательные организации')]],
    ['ОО', [body('ОО')]],
    ['РЦ\n\nТарасова Н.И.', [body('РЦ'), person('Тарасова Н.И.')]],
    [
      'Сапельцева О.И. Першина Т.В. организации - партнеры',
      [person('Сапельцева О.И.'), person('Першина Т.В.'), body('Организации - партнеры')],
    ],
    [
      'Кураторы внедрения целевой модели наставничества в образовательных организациях, организации-партнеры',
      [
        role('Кураторы внедрения целевой модели наставничества в образовательных организациях'),
        body('Организации-партнеры'),
      ],
    ],
    ['', []],
  ])('%j', (text, expected) => {
    expect(parseResponsible(text)).toEqual(expected);
  });
});

describe('matchPersons', () => {
  const staff = [
    { id: 1, fullName: 'Баева Светлана Николаевна' },
    { id: 2, fullName: 'Сапельцева Ольга Ивановна' },
    { id: 3, fullName: 'Баев Сергей Николаевич' },
    { id: 4, fullName: 'Першина Татьяна Викторовна' },
    { id: 5, fullName: 'Першина Тамара Васильевна' },
    { id: 6, fullName: 'Белых Елена Владимировна' },
  ];

  it('links initials to the one full name that fits', () => {
    const [baeva, sapeltseva] = matchPersons(parseResponsible('Баева С.Н. Сапельцева О.И.'), staff);
    expect(baeva?.person?.id).toBe(1);
    expect(sapeltseva?.person?.id).toBe(2);
  });

  it('leaves an ambiguous match to the curator, with the candidates', () => {
    const [match] = matchPersons(parseResponsible('Першина Т.В.'), staff);
    expect(match?.person).toBeNull();
    expect(match?.candidates.map((c) => c.id)).toEqual([4, 5]);
  });

  it('matches names in any order and ё/е, and skips roles and bodies', () => {
    const matches = matchPersons(parseResponsible('Е.В. Белых, РЦ, Директор'), [
      ...staff,
      { id: 7, fullName: 'Семёнов Пётр Ильич' },
    ]);
    expect(matches.map((m) => m.person?.id ?? null)).toEqual([6, null, null]);
    const [semenov] = matchPersons(
      [{ kind: 'person', name: 'Семенов П.И.' }],
      [{ id: 7, fullName: 'Семёнов Пётр Ильич' }],
    );
    expect(semenov?.person?.id).toBe(7);
  });

  it('finds nobody for an unknown person', () => {
    const [match] = matchPersons(parseResponsible('Иванов И.И.'), staff);
    expect(match).toMatchObject({ person: null, candidates: [] });
  });
});
