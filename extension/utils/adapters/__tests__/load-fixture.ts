import { JSDOM } from 'jsdom';

/** A jsdom document at `url`, as the adapters see a page (scripts are not run). */
export function loadDocument(html: string, url: string): Document {
  return new JSDOM(html, { url }).window.document;
}
