/**
 * «Дневник.ру»: class lists and the class journal / final marks of a class.
 * Serves: dnevnik.ru and its subdomains (schools.dnevnik.ru and regional ones).
 * Assumes: pupils in a table whose header names them («Ученик», «ФИО», «Фамилия, имя»), the class in
 * the heading («7 «А» класс») or a class <select>. Built from a synthetic fixture, not checked
 * against the live service; the generic table adapter is the fallback.
 */
import { defineJournalAdapter } from './table/journal.js';

export const dnevnikAdapter = defineJournalAdapter({
  id: 'dnevnik',
  label: 'Дневник.ру',
  hosts: /(^|\.)dnevnik\.ru$/i,
  marker: /дневник\.ру/i,
});
