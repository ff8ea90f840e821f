/**
 * «Московская электронная школа» (МЭШ): the class journal of a teacher.
 * Serves: school.mos.ru and dnevnik.mos.ru.
 * Assumes: the journal is a single-page application that renders its grid either as a <table> or
 * as an ARIA grid (role="grid" / "row" / "columnheader" / "gridcell"), with pupils in the first
 * column. Class names of the application's components are not used: they change with every build.
 * Built from a synthetic fixture, not checked against the live service; the generic table adapter
 * (which also reads ARIA grids) is the fallback.
 */
import { defineJournalAdapter } from './table/journal.js';

export const meshAdapter = defineJournalAdapter({
  id: 'mesh',
  label: 'МЭШ',
  hosts: /(^|\.)(school|dnevnik)\.mos\.ru$/i,
  marker: /московская электронная школа|(^|[^а-яё])мэш([^а-яё]|$)/i,
});
