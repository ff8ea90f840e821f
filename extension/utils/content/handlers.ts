/**
 * What the content script does when the panel asks: run the adapters on the live page. Nothing
 * here writes to the page or reads anything but the DOM; results go back only as validated data.
 */
import { adapterById, AdapterError } from '../adapters/index.js';
import { detectOffers, runExtraction } from '../adapters/run.js';
import type { Handlers } from '../messaging/bus.js';

export function contentHandlers(doc: Document, location: () => string): Handlers<'content'> {
  return {
    'content.ping': () => ({ ready: true as const }),
    'content.detect': () => {
      const started = performance.now();
      const url = new URL(location());
      const { offers, failures } = detectOffers(doc, url);
      return {
        url: url.href,
        title: (doc.title || url.hostname).slice(0, 1000),
        offers,
        failures,
        elapsedMs: Math.round(performance.now() - started),
      };
    },
    'content.extract': ({ adapterId, tableIndex }) => {
      const adapter = adapterById(adapterId);
      if (!adapter) throw new AdapterError('Неизвестный способ захвата; обновите расширение.');
      return runExtraction(adapter, doc, new URL(location()), tableIndex);
    },
  };
}
