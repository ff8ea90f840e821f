import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { CaptureSubmission } from '@nastavnik/shared/capture';
import { ApiFailure, SESSION_EXPIRED } from '../../api/errors.js';
import { captureQueueItem } from '../../storage.js';
import { createCaptureQueue, MAX_SERVER_ATTEMPTS, type QueueDeps } from '../queue.js';

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
    send: vi.fn(async () => ({ documentId: 'doc-1', duplicate: false })),
    apply: vi.fn(async () => ({ state: 'applied', message: 'Создано 1 человек', createdCount: 1 })),
    onAuthFailure: vi.fn(async () => undefined),
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
    await queue.retry(entry!.id);
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
    expect((await queue.list())[0]).toMatchObject({
      state: 'sent',
      lastError: expect.stringMatching(/^Не применён/),
    });
  });

  it('discards queued captures but not one being sent', async () => {
    const { queue } = queueWith();
    await queue.enqueue(submission(), 'Список');
    expect(await queue.discard('key-aaaaaaaaaaaaaaaa-1')).toBe(true);
    expect(await queue.list()).toEqual([]);
  });
});
