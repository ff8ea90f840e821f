import { useEffect, useMemo, useState } from 'react';
import { tokenExpiry } from '@/utils/auth/jwt';
import { createApi, currentToken, signOut } from '@/utils/auth/session';
import { captureQueueItem, profileItem, serverUrlItem, sessionExpiredItem, tokenItem } from '@/utils/storage';
import { CaptureTab } from './components/CaptureTab';
import { Header } from './components/Header';
import { MeetingTab } from './components/MeetingTab';
import { QueueTab } from './components/QueueTab';
import { RoadmapFileTab } from './components/RoadmapFileTab';
import { SignInForm } from './components/SignInForm';
import { useStorageItem } from './hooks/useStorageItem';

type TabName = 'page' | 'file' | 'queue' | 'meeting';

const TABS: ReadonlyArray<{ name: TabName; label: string; title?: string }> = [
  { name: 'page', label: 'Страница' },
  { name: 'file', label: 'Файл', title: 'Импорт дорожной карты из файла' },
  { name: 'queue', label: 'Очередь' },
  { name: 'meeting', label: 'Встреча' },
];

/** setTimeout cannot wait longer than ~24.8 days; longer-lived tokens are re-checked later. */
const MAX_TIMER = 2 ** 31 - 1;

export function App() {
  const token = useStorageItem(tokenItem);
  const profile = useStorageItem(profileItem);
  const expired = useStorageItem(sessionExpiredItem);
  const server = useStorageItem(serverUrlItem);
  const queue = useStorageItem(captureQueueItem);
  const [tab, setTab] = useState<TabName>('page');
  // A road-map file linked from a page, on its way to the file tab (the id tells two fetches apart).
  const [incoming, setIncoming] = useState<{ file: File; id: number } | null>(null);

  const signedIn = Boolean(token.value);
  const serverUrl = server.value ?? '';
  const api = useMemo(() => (serverUrl ? createApi(serverUrl) : null), [serverUrl]);
  const entries = queue.value ?? [];
  const pending = entries.filter(
    (entry) => entry.state === 'queued' || entry.state === 'sending' || entry.state === 'failed',
  ).length;

  // The token expires while the panel is open: say so at that moment, not at the next failed request.
  useEffect(() => {
    if (!token.value) return;
    const expiry = tokenExpiry(token.value);
    if (expiry === null) return;
    const timer = setTimeout(
      () => void currentToken(),
      Math.min(Math.max(expiry - Date.now() - 25_000, 0), MAX_TIMER),
    );
    return () => clearTimeout(timer);
  }, [token.value]);

  const loaded = token.loaded && server.loaded && queue.loaded;
  useEffect(() => {
    if (!loaded) return;
    document.documentElement.dataset['ready'] = 'true';
    performance.mark('nastavnik:ready');
  }, [loaded]);

  if (!loaded) return <div className="loading">Загрузка…</div>;

  return (
    <div className="app">
      <Header profile={profile.value} signedIn={signedIn} onSignOut={() => void signOut()} />
      {!signedIn ? <SignInForm expired={expired.value ?? false} serverUrl={serverUrl} /> : null}
      <nav className="tabs" role="tablist" aria-label="Разделы панели">
        {TABS.map((item) => (
          <button
            key={item.name}
            type="button"
            role="tab"
            aria-selected={tab === item.name}
            title={item.title}
            className={tab === item.name ? 'tabs__tab is-active' : 'tabs__tab'}
            onClick={() => setTab(item.name)}
          >
            {item.label}
            {item.name === 'queue' && pending > 0 ? <span className="tabs__count">{pending}</span> : null}
          </button>
        ))}
      </nav>
      <main className="content" role="tabpanel">
        {tab === 'page' ? (
          <CaptureTab
            queue={entries}
            onOpenQueue={() => setTab('queue')}
            onImportFile={(file) => {
              setIncoming({ file, id: Date.now() });
              setTab('file');
            }}
          />
        ) : null}
        {/* Kept mounted while hidden: a chosen file and its preview survive a look at the queue.
            The organisation is undefined (unknown) until the profile arrives, just after signing in. */}
        <div className="tab-panel" hidden={tab !== 'file'}>
          <RoadmapFileTab
            api={api}
            incoming={incoming}
            signedIn={signedIn}
            organisation={profile.value ? profile.value.organisation : undefined}
          />
        </div>
        {tab === 'queue' ? <QueueTab queue={entries} api={api} signedIn={signedIn} /> : null}
        {tab === 'meeting' ? <MeetingTab api={api} signedIn={signedIn} /> : null}
      </main>
    </div>
  );
}
