import { browser } from 'wxt/browser';
import { createApi } from '../auth/session.js';
import { ApiFailure } from '../api/errors.js';
import { createMessageListener } from '../messaging/bus.js';
import { entryView } from '../queue/entry.js';
import { createCaptureQueue, type CaptureQueue } from '../queue/queue.js';
import { roadmapCaptureDeps } from '../roadmap/capture.js';
import { createMeetingOutbox, type MeetingOutbox } from '../queue/meetings.js';
import { purgeDays } from '../queue/retention.js';
import {
  captureQueueItem,
  meetingQueueItem,
  purgeAfterDaysItem,
  serverUrlItem,
  tokenItem,
} from '../storage.js';
import { syncContentScriptRegistration } from './content-registration.js';

const ALARM = 'nastavnik-queue';

async function api() {
  const server = await serverUrlItem.getValue();
  if (!server) throw new ApiFailure('auth', 'Войдите в «Наставник», чтобы отправить данные.');
  return createApi(server);
}

export function createBackgroundQueue(): CaptureQueue {
  return createCaptureQueue({
    store: captureQueueItem,
    // No `onAuthFailure` here: the API client ends the session itself, knowing which token the
    // server refused (a later sign-in must survive a refusal that arrives late).
    send: async (submission) => (await api()).submitCapture(submission),
    apply: async (documentId, options) => (await api()).applyCapture(documentId, options),
    roadmap: roadmapCaptureDeps(api),
  });
}

export function createBackgroundMeetings(): MeetingOutbox {
  return createMeetingOutbox({
    store: meetingQueueItem,
    create: async (record) => (await api()).createMeeting(record),
  });
}

/** Firefox has a sidebar instead of Chrome's side panel; its API is not in Chrome's types. */
interface FirefoxSidebar {
  open(): Promise<void>;
}

/** What differs between the browsers: Chrome's types promise a side panel, Firefox has a sidebar instead. */
const panelApis: { sidePanel?: typeof browser.sidePanel; sidebarAction?: FirefoxSidebar } = browser;

function openPanelOnToolbarClick(): void {
  if (panelApis.sidePanel) {
    panelApis.sidePanel
      .setPanelBehavior({ openPanelOnActionClick: true })
      .catch((error: unknown) => console.error('[nastavnik] toolbar button cannot open the panel', error));
    return;
  }
  const sidebar = panelApis.sidebarAction;
  if (sidebar) {
    // Called synchronously inside the click handler: Firefox opens the sidebar only during a user action.
    browser.action.onClicked.addListener(() => void sidebar.open());
  }
}

export function startBackground(): void {
  const queue = createBackgroundQueue();
  const meetings = createBackgroundMeetings();

  // What waited past its time is deleted before anything is sent: the user was warned in the panel.
  const flush = (): void => {
    purgeAfterDaysItem
      .getValue()
      .then(async (value) => {
        const days = purgeDays(value);
        await Promise.all([queue.purgeExpired(days), meetings.purgeExpired(days)]);
        await Promise.all([queue.flush(), meetings.flush()]);
      })
      .catch((error: unknown) => console.error('[nastavnik] flush failed', error));
  };

  openPanelOnToolbarClick();

  browser.runtime.onMessage.addListener(
    createMessageListener('background', {
      'queue.enqueue': async ({ items }) => {
        const entries = [];
        for (const item of items) entries.push(entryView(await queue.enqueue(item.submission, item.summary)));
        flush();
        return entries;
      },
      'queue.flush': () => queue.flush(),
      'queue.retry': async ({ id }) => {
        const entry = entryView(await queue.retry(id));
        flush();
        return entry;
      },
      'queue.discard': async ({ id }) => ({ removed: await queue.discard(id) }),
      'queue.apply': async ({ id, options }) => entryView(await queue.apply(id, options)),
      'meetings.enqueue': async ({ record, summary }) => {
        const entry = await meetings.enqueue(record, summary);
        await meetings.flush();
        const left = (await meetings.list()).find((e) => e.id === entry.id);
        if (!left) return { delivered: true, queued: false, message: 'Встреча сохранена.' };
        if (left.state === 'failed') {
          // Refused outright (wrong data, no rights): the form still holds it for correcting.
          await meetings.discard(left.id);
          return { delivered: false, queued: false, message: left.lastError ?? 'Встреча не сохранена.' };
        }
        return {
          delivered: false,
          queued: true,
          message:
            `Встреча сохранена в браузере и будет отправлена, как только сервер станет доступен. ${left.lastError ?? ''}`.trim(),
        };
      },
      'meetings.retry': async ({ id }) => {
        await meetings.retry(id);
        flush();
        return { ok: true as const };
      },
      'meetings.discard': async ({ id }) => ({ removed: await meetings.discard(id) }),
    }),
  );

  // Retries wake the worker through an alarm (Chrome stops idle workers; timers would die with them).
  browser.alarms
    .create(ALARM, { periodInMinutes: 1 })
    .catch((error: unknown) => console.error('[nastavnik] retry alarm not created', error));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) flush();
  });
  // A new sign-in releases captures that waited for a session.
  tokenItem.watch((token) => {
    if (token) flush();
  });
  // Service workers and event pages both have global events; still optional, so that a context without
  // them cannot stop the wake-ups registered below.
  const events: { addEventListener?: typeof globalThis.addEventListener } = globalThis;
  events.addEventListener?.('online', flush);

  browser.runtime.onStartup.addListener(flush);
  browser.runtime.onInstalled.addListener(() => {
    flush();
    void syncContentScriptRegistration();
  });
  browser.permissions.onAdded.addListener(() => void syncContentScriptRegistration());
  browser.permissions.onRemoved.addListener(() => void syncContentScriptRegistration());
  flush();
}
