/**
 * Reaching the page in the current tab from the panel: find the tab, make sure our content script
 * is in it (injecting it on demand through activeTab / a granted site permission), and explain in
 * Russian when the browser does not allow it.
 */
import { browser, type Browser } from 'wxt/browser';
import { sendToTab } from '../messaging/bus.js';

export const CONTENT_SCRIPT_FILE = '/content-scripts/content.js';

export type PageProblem = 'no_tab' | 'restricted' | 'permission' | 'not_loaded';

export class PageAccessError extends Error {
  override readonly name = 'PageAccessError';
  constructor(
    readonly code: PageProblem,
    message: string,
    readonly origin?: string,
  ) {
    super(message);
  }
}

const RESTRICTED_HOSTS = new Set([
  'chromewebstore.google.com',
  'chrome.google.com',
  'addons.mozilla.org',
  'microsoftedge.microsoft.com',
]);

/** Pages no extension may script; asking for permission would not help. */
export function isRestrictedUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return true; // an address that does not parse is no page a script could run on
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return true;
  return RESTRICTED_HOSTS.has(parsed.hostname);
}

/** Without the port: match patterns ignore ports in Chrome and may not contain one in Firefox. */
export function originPatternOf(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.hostname}/*`;
}

/** The tab the panel works on: the active tab of the panel's window. */
export async function currentTab(): Promise<Browser.tabs.Tab | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}

/** Must be called straight from a click handler: the browser asks the user only during a gesture. */
export function requestSitePermission(url: string): Promise<boolean> {
  return browser.permissions.request({ origins: [originPatternOf(url)] });
}

export async function ensureContentScript(tab: Browser.tabs.Tab): Promise<number> {
  if (tab.id === undefined || !tab.url) {
    throw new PageAccessError(
      'no_tab',
      'Нет открытой страницы: откройте сайт или журнал во вкладке рядом с панелью.',
    );
  }
  if (isRestrictedUrl(tab.url)) {
    throw new PageAccessError(
      'restricted',
      'Браузер не разрешает расширениям читать эту страницу (служебная страница, файл или магазин расширений).',
    );
  }
  const tabId = tab.id;
  try {
    await sendToTab(tabId, 'content.ping', {});
    return tabId;
  } catch {
    // not injected yet (or the page was reloaded): inject below
  }
  try {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [CONTENT_SCRIPT_FILE] });
  } catch (error) {
    // Usually a missing permission, which the message explains; anything else shows up here.
    console.warn('[nastavnik] content script injection failed', error);
    throw new PageAccessError(
      'permission',
      'Нет доступа к этой странице. Разрешите расширению читать этот сайт или нажмите на значок «Наставника» на панели браузера.',
      new URL(tab.url).origin,
    );
  }
  try {
    await sendToTab(tabId, 'content.ping', {});
  } catch (error) {
    console.warn('[nastavnik] content script did not answer after injection', error);
    throw new PageAccessError(
      'not_loaded',
      'Страница ещё загружается или не отвечает. Подождите и попробуйте снова.',
    );
  }
  return tabId;
}
