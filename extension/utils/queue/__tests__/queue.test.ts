import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { CaptureSubmission } from '@nastavnik/shared/capture';
import { ApiFailure, SESSION_EXPIRED } from '../../api/errors.js';
import { captureQueueItem } from '../../storage.js';
import type { RoadmapImportResult } from '../../roadmap/result.js';
import type { RoadmapCaptureDeps } from '../apply.js';
import { MAX_SERVER_ATTEMPTS } from '../delivery.js';
import { createCaptureQueue, type QueueDeps } from '../queue.js';

let clock = 1_000_000;
const now = () => clock;

function submission(key = 'key-aaaaaaaaaaaaaaaa-1'): CaptureSubmission {
  return {
    kind: 'roster',
    sourceUrl: 'https://school.example/7a',
    adapter: 'generic-table',
    payload: { kind: 'roster', rows: [{ fullName: 'Иванова Мария' }] },
    idempotencyKey: key,
  };
}

function queueWith(overrides: Partial<QueueDeps> = {}) {
  const deps: QueueDeps = {
    store: captureQueueItem,
    send: vi.fn(() => Promise.resolve({ documentId: 'doc-1', duplicate: false })),
    apply: vi.fn(() => Promise.resolve({ state: 'applied', message: 'Создано 1 человек', createdCount: 1 })),
    onAuthFailure: vi.fn(() => Promise.resolve()),
    now,
    random: () => 0.5,
    ...overrides,
  };
  return { queue: createCaptureQueue(deps), deps };
}

beforeEach(() => {
  fakeBrowser.reset();
  clock = 1_000_000;
});

describe('capture queue', () => {
  it('keeps a capture in storage.local and delivers it once, then forgets the personal data', async () => {
    const { queue, deps } = queueWith();
    await queue.enqueue(submission(), 'Список 7А');
    const stored = (await fakeBrowser.storage.local.get('captureQueue'))['captureQueue'] as unknown[];
    expect(stored).toHaveLength(1);

    await expect(queue.flush()).resolves.toEqual({ delivered: 1, failed: 0, waiting: 0 });
    await queue.flush();
    expect(deps.send).toHaveBeenCalledTimes(1);
    const [entry] = await queue.list();
    expect(entry).toMatchObject({ state: 'sent', documentId: 'doc-1', duplicate: false });
    expect(entry?.submission).toBeUndefined();
  });

  it('never duplicates: the same key enqueued twice is one entry, concurrent flushes send once', async () => {
    const { queue, deps } = queueWith();
    await queue.enqueue(submission(), 'Список');
    await queue.enqueue(submission(), 'Список ещё раз');
    expect(await queue.list()).toHaveLength(1);
    await Promise.all([queue.flush(), queue.flush(), queue.flush()]);
    expect(deps.send).toHaveBeenCalledTimes(1);
  });

  it('retries after a network failure with growing delays and the same idempotency key', async () => {
    const send = vi
      .fn<QueueDeps['send']>()
      .mockRejectedValueOnce(new TypeError('Failed to fetch'))
      .mockRejectedValueOnce(new TypeError('Failed to fetch'))
      .mockResolvedValue({ documentId: 'doc-9', duplicate: true });
    const { queue } = queueWith({ send });
    await queue.enqueue(submission(), 'Список');

    expect(await queue.flush()).toMatchObject({ delivered: 0, stoppedBy: 'network' });
    let [entry] = await queue.list();
    expect(entry).toMatchObject({ state: 'queued', attempts: 1, nextAttemptAt: clock + 15_000 });
    expect(entry?.lastError).toMatch(/недоступен/);

    await queue.flush(); // not due yet
    expect(send).toHaveBeenCalledTimes(1);

    clock += 15_000;
    await queue.flush();
    [entry] = await queue.list();
    expect(entry).toMatchObject({ attempts: 2, nextAttemptAt: clock + 30_000 });

    clock += 30_000;
    await queue.flush();
    [entry] = await queue.list();
    expect(entry).toMatchObject({ state: 'sent', documentId: 'doc-9', duplicate: true });
    expect(send.mock.calls.map(([sent]) => sent.idempotencyKey)).toEqual(
      Array(3).fill('key-aaaaaaaaaaaaaaaa-1'),
    );
  });

  it('survives a restart: a new queue over the same storage delivers, and resends one interrupted mid-send', async () => {
    const first = queueWith({ send: () => new Promise(() => undefined) }); // the worker dies while sending
    await first.queue.enqueue(submission(), 'Список');
    void first.queue.flush();
    await vi.waitFor(async () => expect((await first.queue.list())[0]?.state).toBe('sending'));

    const second = queueWith();
    await second.queue.flush();
    expect(second.deps.send).toHaveBeenCalledTimes(1);
    expect((await second.queue.list())[0]?.state).toBe('sent');
  });

  it('waits for a new sign-in when the session is gone, and stops trying the rest', async () => {
    const send = vi.fn<QueueDeps['send']>().mockRejectedValue(new ApiFailure('auth', SESSION_EXPIRED));
    const { queue, deps } = queueWith({ send });
    await queue.enqueue(submission('key-aaaaaaaaaaaaaaaa-1'), 'Первый');
    await queue.enqueue(submission('key-aaaaaaaaaaaaaaaa-2'), 'Второй');

    expect(await queue.flush()).toMatchObject({ stoppedBy: 'auth' });
    expect(send).toHaveBeenCalledTimes(1);
    expect(deps.onAuthFailure).toHaveBeenCalledTimes(1);
    const entries = await queue.list();
    expect(entries.map((entry) => entry.state)).toEqual(['queued', 'queued']);
    expect(entries[0]).toMatchObject({ waitingForSession: true, attempts: 0, lastError: SESSION_EXPIRED });
    expect(entries[0]?.submission).toBeDefined();
  });

  it('fails for good, keeping the data, when the server refuses the payload', async () => {
    const send = vi
      .fn<QueueDeps['send']>()
      .mockRejectedValue(new ApiFailure('invalid', 'Сервер отклонил данные: ФИО пусто'));
    const { queue } = queueWith({ send });
    await queue.enqueue(submission(), 'Список');
    expect(await queue.flush()).toMatchObject({ failed: 1 });
    const [entry] = await queue.list();
    expect(entry).toMatchObject({
      state: 'failed',
      nextAttemptAt: null,
      lastError: 'Сервер отклонил данные: ФИО пусто',
    });
    expect(entry?.submission).toBeDefined();

    send.mockResolvedValueOnce({ documentId: 'doc-2', duplicate: false });
    await queue.retry(submission().idempotencyKey);
    await queue.flush();
    expect((await queue.list())[0]?.state).toBe('sent');
  });

  it('gives up after repeated server errors and says how many attempts were made', async () => {
    const send = vi
      .fn<QueueDeps['send']>()
      .mockRejectedValue(new ApiFailure('server', 'Ошибка на сервере (500); повторим позже.'));
    const { queue } = queueWith({ send });
    await queue.enqueue(submission(), 'Список');
    for (let attempt = 0; attempt < MAX_SERVER_ATTEMPTS; attempt += 1) {
      await queue.flush();
      clock += 2 * 60 * 60_000;
    }
    const [entry] = await queue.list();
    expect(entry?.state).toBe('failed');
    expect(entry?.lastError).toContain(`Попыток: ${MAX_SERVER_ATTEMPTS}`);
  });

  it('refuses invalid submissions before they are stored', async () => {
    const { queue } = queueWith();
    const bad = { ...submission(), payload: { kind: 'roster', rows: [] } } as unknown as CaptureSubmission;
    await expect(queue.enqueue(bad, 'Пусто')).rejects.toThrow(/не прошли проверку/);
    expect(await queue.list()).toEqual([]);
  });

  it('applies a sent capture with grades options and records the result', async () => {
    const { queue, deps } = queueWith();
    await queue.enqueue(submission(), 'Список');
    await expect(queue.apply('key-aaaaaaaaaaaaaaaa-1')).rejects.toThrow(/Сначала/);
    await queue.flush();
    const entry = await queue.apply('key-aaaaaaaaaaaaaaaa-1', { moment: 'start' });
    expect(deps.apply).toHaveBeenCalledWith('doc-1', { moment: 'start' });
    expect(entry).toMatchObject({ state: 'applied', applyMessage: 'Создано 1 человек', createdCount: 1 });
  });

  it('keeps a sent capture sent when applying fails, with the reason', async () => {
    const apply = vi.fn<QueueDeps['apply']>().mockRejectedValue(new TypeError('Failed to fetch'));
    const { queue } = queueWith({ apply });
    await queue.enqueue(submission(), 'Список');
    await queue.flush();
    await expect(queue.apply('key-aaaaaaaaaaaaaaaa-1')).rejects.toThrow(/недоступен/);
    const [entry] = await queue.list();
    expect(entry?.state).toBe('sent');
    expect(entry?.lastError).toMatch(/^Не применён/);
  });

  it('discards queued captures but not one being sent', async () => {
    const { queue } = queueWith();
    await queue.enqueue(submission(), 'Список');
    expect(await queue.discard('key-aaaaaaaaaaaaaaaa-1')).toBe(true);
    expect(await queue.list()).toEqual([]);
  });
});

describe('road-map captures in the queue', () => {
  const KEY = 'key-roadmap-aaaaaaaaaa-1';
  const roadmapSubmission: CaptureSubmission = {
    kind: 'roadmap_table',
    sourceUrl: 'https://uo.example/plan',
    adapter: 'roadmap-table',
    payload: { kind: 'roadmap_table', html: '<table><tr><td>1</td></tr></table>' },
    idempotencyKey: KEY,
  };
  const duplicate = { documentId: 'rm-1', title: 'План на 2025 год', version: 1, sameSource: true };
  const DRY_RUN = {
    state: 'new',
    message: 'Черновик дорожной карты: мероприятий 3, предупреждений 2. Проверьте и запишите.',
    createdCount: 0,
  };
  const COMMITTED = {
    state: 'applied',
    message: 'Дорожная карта записана: мероприятий 3, предупреждений 2.',
    createdCount: 3,
  };
  const written: RoadmapImportResult = {
    ok: true,
    committed: true,
    format: 'html',
    warnings: [],
    error: null,
    duplicateOf: duplicate,
    roadmapDocumentId: 'rm-2',
    version: 2,
    activitiesCount: 3,
    kpisCount: 0,
  };

  async function sentRoadmap(overrides: Partial<QueueDeps> = {}, roadmap: Partial<RoadmapCaptureDeps> = {}) {
    const deps = {
      findDuplicate: vi.fn<RoadmapCaptureDeps['findDuplicate']>(() => Promise.resolve(null)),
      commitDuplicate: vi.fn<RoadmapCaptureDeps['commitDuplicate']>(() => Promise.resolve(written)),
      ...roadmap,
    };
    const made = queueWith({ roadmap: deps, ...overrides });
    await made.queue.enqueue(roadmapSubmission, 'Дорожная карта');
    await made.queue.flush();
    return { ...made, roadmap: deps };
  }

  it('marks a dry run «checked» with the CMS message, not «applied»', async () => {
    const apply = vi.fn<QueueDeps['apply']>().mockResolvedValue(DRY_RUN);
    const { queue } = await sentRoadmap({ apply });
    const entry = await queue.apply(KEY);
    expect(apply).toHaveBeenCalledWith('doc-1', undefined);
    expect(entry).toMatchObject({ state: 'checked', applyMessage: DRY_RUN.message });
    expect(entry.duplicateOf).toBeUndefined();
  });

  it('names the road map a checked draft would duplicate, before anything is written', async () => {
    const apply = vi.fn<QueueDeps['apply']>().mockResolvedValue(DRY_RUN);
    const { queue, roadmap } = await sentRoadmap(
      { apply },
      { findDuplicate: vi.fn(() => Promise.resolve(duplicate)) },
    );
    expect(await queue.apply(KEY)).toMatchObject({ state: 'checked', duplicateOf: duplicate });
    expect(roadmap.findDuplicate).toHaveBeenCalledWith('doc-1');
  });

  it('still shows the dry run when looking for a duplicate fails', async () => {
    const apply = vi.fn<QueueDeps['apply']>().mockResolvedValue(DRY_RUN);
    const findDuplicate = vi.fn(() => Promise.reject(new TypeError('Failed to fetch')));
    const { queue } = await sentRoadmap({ apply }, { findDuplicate });
    expect(await queue.apply(KEY)).toMatchObject({ state: 'checked', applyMessage: DRY_RUN.message });
  });

  it('writes a checked road map through the capture and records how many activities', async () => {
    const apply = vi.fn<QueueDeps['apply']>().mockResolvedValueOnce(DRY_RUN).mockResolvedValueOnce(COMMITTED);
    const { queue, roadmap } = await sentRoadmap({ apply });
    await queue.apply(KEY);
    const entry = await queue.apply(KEY, { commit: true });
    expect(apply).toHaveBeenLastCalledWith('doc-1', { commit: true });
    expect(entry).toMatchObject({
      state: 'applied',
      createdCount: 3,
      applyMessage: 'Дорожная карта записана.',
    });
    expect(roadmap.commitDuplicate).not.toHaveBeenCalled();
  });

  it('turns the CMS refusing a duplicate into a choice instead of an error', async () => {
    const apply = vi
      .fn<QueueDeps['apply']>()
      .mockResolvedValueOnce(DRY_RUN)
      .mockRejectedValueOnce(
        new ApiFailure('invalid', 'Сервер отклонил данные: Этот документ уже импортирован'),
      );
    const findDuplicate = vi
      .fn<RoadmapCaptureDeps['findDuplicate']>()
      .mockResolvedValueOnce(null)
      .mockResolvedValue(duplicate);
    const { queue, roadmap } = await sentRoadmap({ apply }, { findDuplicate });
    await queue.apply(KEY);
    const entry = await queue.apply(KEY, { commit: true });
    expect(entry).toMatchObject({ state: 'checked', duplicateOf: duplicate });
    expect(entry.lastError).toBeUndefined();

    const versioned = await queue.apply(KEY, { commit: true, onDuplicate: 'new_version' });
    expect(roadmap.commitDuplicate).toHaveBeenCalledWith('doc-1', 'new_version');
    expect(versioned).toMatchObject({
      state: 'applied',
      createdCount: 3,
      applyMessage: 'Дорожная карта записана, версия 2.',
    });
    expect(versioned.duplicateOf).toBeUndefined();
  });

  it('passes on any other refusal, such as the CMS’s reason why staff may not import', async () => {
    const reason = 'Импортировать дорожные карты могут куратор и методист.';
    const apply = vi.fn<QueueDeps['apply']>().mockRejectedValue(new ApiFailure('forbidden', reason));
    const { queue, roadmap } = await sentRoadmap({ apply });
    await expect(queue.apply(KEY)).rejects.toThrow(reason);
    expect((await queue.list())[0]).toMatchObject({ state: 'sent', lastError: `Не применён: ${reason}` });
    expect(roadmap.findDuplicate).not.toHaveBeenCalled();
  });

  it('takes the road-map path for road-map captures only', async () => {
    const { queue, deps } = queueWith();
    await queue.enqueue(submission(), 'Список');
    await queue.flush();
    await queue.apply('key-aaaaaaaaaaaaaaaa-1', { commit: true, onDuplicate: 'replace' });
    expect(deps.apply).toHaveBeenCalledWith('doc-1', { commit: true, onDuplicate: 'replace' });
  });
});
