/**
 * E-journal adapters differ only in which pages they serve and in the page text that confirms the
 * product; reading the table is the generic engine's job, fed with the class and period the journal
 * prints around the table. Keeping each journal this thin is deliberate: selectors that lean on
 * table meaning survive redesigns, class names do not.
 */
import { type Adapter, isHttpPage } from '../contract.js';
import { classFromPage, pageDefaults } from './page-context.js';
import { extractTable, rankTables, tableDetection } from './pick.js';

export interface JournalConfig {
  id: string;
  label: string;
  /** Hosts the product is served from. */
  hosts: RegExp;
  /** Product name as printed in the title, header or footer, for installations on regional domains. */
  marker: RegExp;
  /** Paths that identify the product on an unknown host (e.g. Сетевой город's `/asp/`). */
  paths?: RegExp;
}

function productNamed(doc: Document, marker: RegExp): boolean {
  if (marker.test(doc.title)) return true;
  const meta = doc.querySelector('meta[name="application-name"], meta[property="og:site_name"]');
  if (meta && marker.test(meta.getAttribute('content') ?? '')) return true;
  const chrome = doc.querySelectorAll('header, footer, nav, [role="banner"], [role="contentinfo"]');
  return Array.from(chrome).some((element) => marker.test(element.textContent));
}

export function defineJournalAdapter(config: JournalConfig): Adapter {
  const pupilTables = (doc: Document) => rankTables(doc).filter((table) => table.hasNames);
  return {
    id: config.id,
    label: config.label,
    matches: (url) =>
      isHttpPage(url) && (config.hosts.test(url.hostname) || (config.paths?.test(url.pathname) ?? false)),
    detect(doc, url) {
      if (!config.hosts.test(url.hostname) && !productNamed(doc, config.marker)) return null;
      const ranked = pupilTables(doc);
      const className = classFromPage(doc);
      return tableDetection(
        ranked,
        0.9,
        className ? `(${config.label}, класс ${className})` : `(${config.label})`,
      );
    },
    extract(doc, _url, options) {
      return extractTable(pupilTables(doc), options?.tableIndex, pageDefaults(doc));
    },
  };
}
