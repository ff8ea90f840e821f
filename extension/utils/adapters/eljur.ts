/**
 * «ЭлЖур»: the class journal page and the class list of a school on eljur.ru.
 * Serves: <school>.eljur.ru.
 * Assumes: a table with the pupil column first («Ученик»), lesson dates or «Ср. балл» / «Пропуски»
 * as further columns, the class printed in the heading or chosen in a class <select>. Built from a
 * synthetic fixture, not checked against the live service; the generic table adapter is the fallback.
 */
import { defineJournalAdapter } from './table/journal.js';

export const eljurAdapter = defineJournalAdapter({
  id: 'eljur',
  label: 'ЭлЖур',
  hosts: /(^|\.)eljur\.ru$/i,
  marker: /элжур|eljur/i,
});
