/**
 * Keeps the content script registered (scripting.registerContentScripts) for exactly the sites the
 * user granted, so returning to an e-journal needs no new injection. Sites are never granted here;
 * the panel asks the user for each one.
 */
import { browser } from 'wxt/browser';
import { CONTENT_SCRIPT_FILE } from '../content/page-access.js';

const SCRIPT_ID = 'nastavnik-content';

export async function syncContentScriptRegistration(): Promise<void> {
  try {
    const { origins = [] } = await browser.permissions.getAll();
    const matches = origins.filter((origin) => /^https?:\/\/[^*]/.test(origin));
    const registered = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
    if (registered.length > 0) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
    if (matches.length === 0) return;
    await browser.scripting.registerContentScripts([
      {
        id: SCRIPT_ID,
        matches,
        js: [CONTENT_SCRIPT_FILE.slice(1)],
        runAt: 'document_idle',
        persistAcrossSessions: true,
      },
    ]);
  } catch (error) {
    console.warn('[nastavnik] content script registration failed', error);
  }
}
