/**
 * Injected on demand into the tab the user works on (and registered at runtime for the sites the
 * user granted), it only answers the panel's questions about the page; it never changes the page.
 */
import '@nastavnik/shared/zod-locale';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { contentHandlers } from '@/utils/content/handlers';
import { createMessageListener } from '@/utils/messaging/bus';

const INSTALLED = Symbol.for('nastavnik.content');

export default defineContentScript({
  registration: 'runtime',
  main() {
    // Injection on demand may run this file again in the same page; one listener is enough.
    const scope = globalThis as typeof globalThis & { [INSTALLED]?: boolean };
    if (scope[INSTALLED]) return;
    scope[INSTALLED] = true;
    browser.runtime.onMessage.addListener(
      createMessageListener(
        'content',
        contentHandlers(document, () => location.href),
      ),
    );
  },
});
