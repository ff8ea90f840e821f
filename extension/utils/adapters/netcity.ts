/**
 * «Сетевой город. Образование» (ИрТех): class lists and progress reports («Отчёт об успеваемости и
 * посещаемости», «Итоговые отметки»).
 * Serves: regional installations, usually on hosts named sgo.*, netschool.* or netcity.*, and any
 * host whose pages live under /asp/ or /app/school/ or /angular/school/ and name the product.
 * Assumes: the report is an HTML table with a pupil column («Ученик», «ФИО»), the class and period
 * chosen in labelled <select>s or printed in the heading. Built from a synthetic fixture, not
 * checked against a live installation: if the layout differs, the generic table adapter still works.
 */
import { defineJournalAdapter } from './table/journal.js';

export const netcityAdapter = defineJournalAdapter({
  id: 'netcity',
  label: 'Сетевой город',
  hosts: /(^|\.)(sgo|netschool|netcity)[.-]/i,
  paths: /^\/(asp|app\/school|angular\/school)\//i,
  marker: /сетевой\s+город/i,
});
