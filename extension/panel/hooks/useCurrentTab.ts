import { useEffect, useState } from 'react';
import { browser, type Browser } from 'wxt/browser';
import { currentTab } from '@/utils/content/page-access';

/** Chrome's types promise a `windows` API everywhere, but Firefox for Android has none. */
const optionalApis: { windows?: typeof browser.windows } = browser;

/** The tab beside the panel; changes when the user switches tabs or the tab navigates. */
export function useCurrentTab(): Browser.tabs.Tab | undefined {
  const [tab, setTab] = useState<Browser.tabs.Tab | undefined>();
  useEffect(() => {
    let alive = true;
    const refresh = (): void => {
      void currentTab().then((next) => {
        if (alive) setTab(next);
      });
    };
    refresh();
    const onUpdated = (_id: number, change: Browser.tabs.OnUpdatedInfo): void => {
      if (change.url !== undefined || change.status === 'complete') refresh();
    };
    browser.tabs.onActivated.addListener(refresh);
    browser.tabs.onUpdated.addListener(onUpdated);
    optionalApis.windows?.onFocusChanged.addListener(refresh);
    return () => {
      alive = false;
      browser.tabs.onActivated.removeListener(refresh);
      browser.tabs.onUpdated.removeListener(onUpdated);
      optionalApis.windows?.onFocusChanged.removeListener(refresh);
    };
  }, []);
  return tab;
}
