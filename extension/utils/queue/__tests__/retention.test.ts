import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { CaptureSubmission } from '@nastavnik/shared/capture';
import { ApiFailure } from '../../api/errors.js';
import { captureQueueItem, purgeAfterDaysItem } from '../../storage.js';
import { createCaptureQueue } from '../queue.js';
import { DAY_MS, DEFAULT_PURGE_DAYS, purgeDays, retentionOf } from '../retention.js';

let clock = 1_700_000_000_000;

function roster(key: string): CaptureSubmission {
  return {
    kind: 'roster',
    sourceUrl: 'https://school.example/7a',
    adapter: 'generic-table',
    payload: { kind: 'roster', rows: [{ fullName: 'Иванова Мария Петровна' }] },
    idempotencyKey: key,
  };
}

function queueSending(send: (s: CaptureSubmission) => Promise<{ documentId: string; duplicate: boolean }>) {
  return createCaptureQueue({
    store: captureQueueItem,
    send,
    apply: () => Promise.reject(new Error('not used')),
    now: () => clock,
    random: () => 0.5,
  });
}

const offline = () => Promise.reject(new ApiFailure('network', 'Сервер недоступен.'));

beforeEach(() => {
  fakeBrowser.reset();
  clock = 1_700_000_000_000;
});

describe('retention of undelivered captures', () => {
  it('defaults to 14 days and keeps the setting within 1–90 whole days', async () => {
    expect(await purgeAfterDaysItem.getValue()).toBe(DEFAULT_PURGE_DAYS);
    expect(DEFAULT_PURGE_DAYS).toBe(14);
    expect([purgeDays(0), purgeDays(7.4), purgeDays(365), purgeDays('x'), purgeDays('30')]).toEqual([
      1, 7, 90, 14, 30,
    ]);
  });

  it('warns in the last three days and counts only captures the CMS does not have', () => {
    const created = clock;
    const queued = {
      state: 'queued' as const,
      submission: roster('key-aaaaaaaaaaaaaaaa-1'),
      createdAt: created,
    };
    expect(retentionOf(queued, 14, created + 10 * DAY_MS)).toEqual({
      purgeAt: created + 14 * DAY_MS,
      daysLeft: 4,
      warn: false,
    });
    expect(retentionOf(queued, 14, created + 11 * DAY_MS)?.warn).toBe(true);
    expect(retentionOf({ ...queued, state: 'failed' }, 14, created)?.purgeAt).toBe(created + 14 * DAY_MS);
    // A two-day retention warns for its second day.
    expect(retentionOf(queued, 2, created + 0.5 * DAY_MS)?.warn).toBe(false);
    expect(retentionOf(queued, 2, created + 1.5 * DAY_MS)?.warn).toBe(true);
    const { submission: _dropped, ...delivered } = queued;
    expect(retentionOf({ ...delivered, state: 'sent' }, 14, created + 20 * DAY_MS)).toBeNull();
  });

  it('deletes undelivered captures past their time from storage.local, and nothing else', async () => {
    const queue = queueSending(offline);
    await queue.enqueue(roster('key-aaaaaaaaaaaaaaaa-old'), 'Список 7А');
    await queue.flush();
    clock += 5 * DAY_MS;
    await queue.enqueue(roster('key-aaaaaaaaaaaaaaaa-new'), 'Список 7Б');

    clock += 9 * DAY_MS - 1;
    expect(await queue.purgeExpired(14)).toBe(0);
    clock += 1;
    expect(await queue.purgeExpired(14)).toBe(1);
    const stored = JSON.stringify(await fakeBrowser.storage.local.get('captureQueue'));
    expect(stored).toContain('key-aaaaaaaaaaaaaaaa-new');
    expect(stored).not.toContain('key-aaaaaaaaaaaaaaaa-old');

    // A shorter setting applies to what is already waiting.
    expect(await queue.purgeExpired(3)).toBe(1);
    expect(await queue.list()).toEqual([]);
  });

  it('keeps a delivered capture, which no longer holds the names, however old', async () => {
    const send = vi.fn(() => Promise.resolve({ documentId: 'doc-1', duplicate: false }));
    const queue = queueSending(send);
    await queue.enqueue(roster('key-aaaaaaaaaaaaaaaa-1'), 'Список 7А');
    await queue.flush();
    clock += 60 * DAY_MS;
    expect(await queue.purgeExpired(14)).toBe(0);
    const [entry] = await queue.list();
    expect(entry).toMatchObject({ state: 'sent', documentId: 'doc-1' });
    expect(JSON.stringify(await fakeBrowser.storage.local.get('captureQueue'))).not.toContain('Иванова');
  });
});
