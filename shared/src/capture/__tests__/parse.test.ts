import { describe, expect, it } from 'vitest';
import {
  detectColumnRole,
  guessColumnRole,
  isSummaryLabel,
  joinFullName,
  normaliseClassName,
  normaliseText,
  parseCount,
  parseDecimal,
  parseGrades,
  parsePercent,
  parseRussianDate,
} from '../parse.js';

describe('detectColumnRole', () => {
  it.each([
    [['№'], 'index'],
    [['№ п/п'], 'index'],
    [['ФИО'], 'full_name'],
    [['Ф.И.О. обучающегося'], 'full_name'],
    [['Ученик'], 'full_name'],
    [['Фамилия, имя'], 'full_name'],
    [['Фамилия'], 'last_name'],
    [['Имя'], 'first_name'],
    [['Отчество'], 'middle_name'],
    [['Класс'], 'class_name'],
    [['Классный руководитель'], null],
    [['Дата рождения'], 'birth_date'],
    [['Средний балл'], 'average_grade'],
    [['Оценки', 'Средний балл'], 'average_grade'],
    [['Ср. балл'], 'average_grade'],
    [['Пропущено уроков'], 'absences'],
    [['Пропуски', 'всего'], 'absences'],
    [['Посещаемость, %'], 'attendance_percent'],
    [['Оценки', '1 четв.'], 'final_grade'],
    [['Сентябрь', '15'], 'grade'],
    [['01.09'], 'grade'],
    [['Итоговая'], 'final_grade'],
    [['Итог'], 'final_grade'],
    [['Оценки', 'Итог'], 'final_grade'],
    [['Отметка за четверть'], 'final_grade'],
    [['Четвертная'], 'final_grade'],
    [['Годовая'], 'final_grade'],
    [['Триместр'], 'final_grade'],
    [['II полугодие'], 'final_grade'],
    [['Четверть', '1'], 'final_grade'],
    [['1 четверть', '15'], 'grade'],
    [['II полугодие', 'Январь', '13'], 'grade'],
    [['Пропуски', 'Итого'], 'absences'],
    [['Итого'], null],
    [['Экзамен'], 'grade'],
    [['15'], null],
    [['Телефон'], null],
    [[''], null],
  ] as const)('%j → %s', (path, role) => {
    expect(detectColumnRole(path)).toBe(role);
  });
});

describe('guessColumnRole', () => {
  it.each([
    [['Иванова Мария Петровна', 'Смирнов Олег', 'Ким Анна-Мария Сергеевна'], 'full_name'],
    [['12.03.2011', '01.12.2010', '30.06.2011'], 'birth_date'],
    [['7А', '7 Б', '10-в'], 'class_name'],
    [['95%', '88,5 %', '100%'], 'attendance_percent'],
    [['4,67', '3,5', '5,00'], 'average_grade'],
    [['5', '4 5', 'н', '3/4'], 'grade'],
    [['да', 'нет'], null],
    [[], null],
  ] as const)('%j → %s', (values, role) => {
    expect(guessColumnRole(values)).toBe(role);
  });
});

describe('cell parsers', () => {
  it('reads grades written together and skips marks that are not grades', () => {
    expect(parseGrades('5 4/3, н 5+ 2-')).toEqual([5, 4, 3, 5, 2]);
    expect(parseGrades('нб')).toEqual([]);
  });
  it('reads decimals with a comma or a point', () => {
    expect(parseDecimal('4,67')).toBe(4.67);
    expect(parseDecimal(' 4.5 ')).toBe(4.5);
    expect(parseDecimal('—')).toBeUndefined();
  });
  it('reads counts and percentages', () => {
    expect(parseCount('12 (3 по ув.)')).toBe(12);
    expect(parseCount('—')).toBeUndefined();
    expect(parsePercent('95,5 %')).toBe(95.5);
    expect(parsePercent('150%')).toBeUndefined();
  });
  it.each([
    ['12.03.2011', '2011-03-12'],
    ['1.9.2010', '2010-09-01'],
    ['12.03.11', '2011-03-12'],
    ['2011-03-12', '2011-03-12'],
    ['12 марта 2011 г.', '2011-03-12'],
    ['1 мая 2012', '2012-05-01'],
    ['31.02.2011', undefined],
    ['завтра', undefined],
  ])('date %s → %s', (cell, iso) => {
    expect(parseRussianDate(cell, new Date('2025-01-01'))).toBe(iso);
  });
  it.each([
    ['7 «а»', '7А'],
    ['7-А', '7А'],
    ['10б класс', '10Б'],
    ['ТМ-21', 'ТМ-21'],
  ])('class %s → %s', (value, expected) => {
    expect(normaliseClassName(value)).toBe(expected);
  });
  it('normalises whitespace and invisible characters', () => {
    expect(normaliseText(' Иванова\u00a0 Ма\u00adрия\n')).toBe('Иванова Мария');
  });
  it('recognises summary rows and joins name parts', () => {
    expect(isSummaryLabel('Итого по классу')).toBe(true);
    expect(isSummaryLabel('Иванова Мария')).toBe(false);
    expect(joinFullName(['Иванова', 'Мария', undefined])).toBe('Иванова Мария');
  });
});
