import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { MeetingRecord } from '@nastavnik/shared/contracts/meeting';
import { ApiFailure } from '../../api/errors.js';
import { meetingQueueItem } from '../../storage.js';
import { MAX_SERVER_ATTEMPTS } from '../delivery.js';
import { createMeetingOutbox } from '../meetings.js';
import { DAY_MS } from '../retention.js';

let clock = 1_700_000_000_000;
let ids = 0;

const record: MeetingRecord = {
  pair: 'pair-1',
  kind: 'working',
  date: '2026-11-20',
  notes: 'Разобрали ошибки Петрова Ивана в контрольной',
};

function outbox(create: (r: MeetingRecord) => Promise<string>) {
  return createMeetingOutbox({
    store: meetingQueueItem,
    create,
    now: () => clock,
    random: () => 0.5,
    newId: () => `meeting-${(ids += 1)}`,
  });
}

const stored = async () => JSON.stringify(await fakeBrowser.storage.local.get('meetingQueue'));

beforeEach(() => {
  fakeBrowser.reset();
  clock = 1_700_000_000_000;
});

describe('meeting outbox', () => {
  it('keeps a meeting saved offline in storage.local and sends it once the server answers', async () => {
    let online = false;
    const create = vi.fn((_r: MeetingRecord) =>
      online ? Promise.resolve('doc-1') : Promise.reject(new ApiFailure('network', 'Нет связи.')),
    );
    const meetings = outbox(create);
    const entry = await meetings.enqueue(record, 'Рабочая встреча, 2026-11-20');
    expect(await meetings.flush()).toEqual({ delivered: 0, waiting: 1, failed: 0 });
    expect(await stored()).toContain('Петрова');
    const [waiting] = await meetings.list();
    expect(waiting).toMatchObject({ state: 'queued', attempts: 1, lastError: 'Нет связи.' });

    // Not before its retry time, then delivered and gone from the browser, notes and all.
    online = true;
    await meetings.flush();
    expect(create).toHaveBeenCalledTimes(1);
    clock = (waiting?.nextAttemptAt ?? 0) + 1;
    expect(await meetings.flush()).toEqual({ delivered: 1, waiting: 0, failed: 0 });
    expect(create).toHaveBeenLastCalledWith({ ...record, idempotencyKey: entry.id });
    expect(await meetings.list()).toEqual([]);
    expect(await stored()).not.toContain('Петрова');
  });

  it('waits on 503 like on no connection, and resends after a server error with the same key', async () => {
    const unavailable = outbox(() =>
      Promise.reject(new ApiFailure('network', 'Сервер временно недоступен.')),
    );
    await unavailable.enqueue(record, 'Рабочая встреча');
    await unavailable.flush();
    expect((await unavailable.list())[0]?.state).toBe('queued');

    fakeBrowser.reset();
    // The first answer is lost to a server error: the send is repeated with the same key, which the
    // CMS answers with the meeting it may already have stored.
    let failing = true;
    const create = vi.fn((_r: MeetingRecord) =>
      failing
        ? Promise.reject(new ApiFailure('server', 'Ошибка на сервере (500).'))
        : Promise.resolve('doc-1'),
    );
    const meetings = outbox(create);
    const entry = await meetings.enqueue(record, 'Рабочая встреча');
    expect(await meetings.flush()).toEqual({ delivered: 0, waiting: 1, failed: 0 });
    const [waiting] = await meetings.list();
    expect(waiting).toMatchObject({ state: 'queued', attempts: 1 });
    failing = false;
    clock = (waiting?.nextAttemptAt ?? 0) + 1;
    expect(await meetings.flush()).toEqual({ delivered: 1, waiting: 0, failed: 0 });
    expect(create.mock.calls.map(([sent]) => sent.idempotencyKey)).toEqual([entry.id, entry.id]);
    expect(await meetings.list()).toEqual([]);
  });

  it('gives up after repeated server errors, and at once when the meeting itself is refused', async () => {
    const create = vi.fn((_r: MeetingRecord) =>
      Promise.reject(new ApiFailure('server', 'Ошибка на сервере (500).')),
    );
    const broken = outbox(create);
    const entry = await broken.enqueue(record, 'Рабочая встреча');
    for (let i = 0; i < 20; i++) {
      await broken.flush();
      clock += DAY_MS;
    }
    expect(create).toHaveBeenCalledTimes(MAX_SERVER_ATTEMPTS);
    const [failed] = await broken.list();
    expect(failed).toMatchObject({ state: 'failed', attempts: MAX_SERVER_ATTEMPTS });
    expect(failed?.lastError).toContain(`Попыток: ${MAX_SERVER_ATTEMPTS}`);
    await broken.retry(entry.id);
    await broken.flush();
    expect(create).toHaveBeenCalledTimes(MAX_SERVER_ATTEMPTS + 1);
    expect(await broken.discard(entry.id)).toBe(true);

    fakeBrowser.reset();
    const refused = outbox(() =>
      Promise.reject(new ApiFailure('invalid', 'Сервер отклонил запрос: пара не найдена.')),
    );
    await refused.enqueue(record, 'Рабочая встреча');
    expect(await refused.flush()).toEqual({ delivered: 0, waiting: 0, failed: 1 });
    expect((await refused.list())[0]?.lastError).toBe('Сервер отклонил запрос: пара не найдена.');
  });

  it('gives a meeting queued before meetings had keys its entry id as the key before sending it', async () => {
    const create = vi.fn((_r: MeetingRecord) => Promise.resolve('doc-1'));
    await meetingQueueItem.setValue([
      {
        id: 'old-entry-123',
        record,
        summary: 'Рабочая встреча',
        state: 'queued',
        attempts: 0,
        nextAttemptAt: clock,
        createdAt: clock,
      },
    ]);
    expect(await outbox(create).flush()).toEqual({ delivered: 1, waiting: 0, failed: 0 });
    expect(create).toHaveBeenCalledWith({ ...record, idempotencyKey: 'old-entry-123' });
  });

  it('refuses a record the contract does not allow, and deletes what waited past the set days', async () => {
    const meetings = outbox(() => Promise.reject(new ApiFailure('network', 'Нет связи.')));
    await expect(meetings.enqueue({ ...record, date: '20.11.2026' }, 'x')).rejects.toThrow();
    await meetings.enqueue(record, 'Рабочая встреча');
    clock += 14 * DAY_MS - 1;
    expect(await meetings.purgeExpired(14)).toBe(0);
    clock += 1;
    expect(await meetings.purgeExpired(14)).toBe(1);
    expect(await stored()).not.toContain('Петрова');
  });
});
