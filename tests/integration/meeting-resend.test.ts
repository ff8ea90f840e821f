/**
 * A meeting sent again with its resend key (the extension's outbox repeats a send whose answer it lost)
 * is stored once: a repeat, even one arriving at the same moment as the first, answers with the stored
 * meeting. A key another organisation's meeting holds is refused without saying whose it is.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dataOf, gql, jwtOf } from '../harness/graphql.js';

// The extension's own pair list and meeting mutation (extension/utils/api/operations.ts).
const PAIRS = `query { nastavnikPairs(filters: { pairStatus: { in: ["approved", "active"] } }, sort: "title") { documentId title } }`;
const CREATE_MEETING = `mutation CreateNastavnikMeeting($data: NastavnikMeetingInput!) { createNastavnikMeeting(data: $data) { documentId } }`;

async function pairOf(user: string) {
  const pairs = dataOf(await gql<{ nastavnikPairs: Array<{ documentId: string }> }>(PAIRS, {}, jwtOf(user)));
  const [pair] = pairs.nastavnikPairs;
  if (!pair) throw new Error(`у ${user} нет пар в работе`);
  return pair.documentId;
}

const send = (user: string, data: Record<string, unknown>) =>
  gql<{ createNastavnikMeeting: { documentId: string } }>(CREATE_MEETING, { data }, jwtOf(user));

async function meetingsWithKey(user: string, key: string) {
  const res = await gql<{ nastavnikMeetings: Array<{ documentId: string }> }>(
    `query($key: String!) { nastavnikMeetings(filters: { idempotencyKey: { eq: $key } }) { documentId } }`,
    { key },
    jwtOf(user),
  );
  return dataOf(res).nastavnikMeetings.map((m) => m.documentId);
}

describe('meetings sent again', () => {
  it('are stored once, sent one after another or all at once', async () => {
    const pair = await pairOf('demoCurator');
    const record = { pair, kind: 'working', date: '2026-11-20', topic: 'Повтор отправки' };
    const key = randomUUID();
    const first = dataOf(
      await send('demoCurator', { ...record, idempotencyKey: key }),
    ).createNastavnikMeeting;
    const again = dataOf(
      await send('demoCurator', { ...record, idempotencyKey: key }),
    ).createNastavnikMeeting;
    expect(again.documentId).toBe(first.documentId);
    expect(await meetingsWithKey('demoCurator', key)).toEqual([first.documentId]);

    const together = randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => send('demoCurator', { ...record, idempotencyKey: together })),
    );
    for (const answer of answers) expect(answer.errors, answer.raw).toBeUndefined();
    const ids = new Set(answers.map((a) => dataOf(a).createNastavnikMeeting.documentId));
    expect(ids.size).toBe(1);
    expect(await meetingsWithKey('demoCurator', together)).toEqual([...ids]);

    // Without a key every send is a meeting of its own, as from the admin panel.
    const plain = await Promise.all([send('demoCurator', record), send('demoCurator', record)]);
    const plainIds = plain.map((a) => dataOf(a).createNastavnikMeeting.documentId);
    expect(new Set(plainIds).size).toBe(2);
  });

  it("refuses a key another organisation's meeting holds, and a malformed key, writing nothing", async () => {
    const key = randomUUID();
    const pair = await pairOf('demoCurator');
    dataOf(await send('demoCurator', { pair, kind: 'working', date: '2026-11-21', idempotencyKey: key }));
    // (A meeting needs no pair to be written: the other school has none at work.)
    const foreign = await send('samaraCurator', { kind: 'working', date: '2026-11-21', idempotencyKey: key });
    expect(foreign.errors?.[0]?.message).toBe(
      'Этот ключ повторной отправки уже занят: создайте запись заново.',
    );
    expect(JSON.stringify(foreign.errors)).not.toContain(pair);
    expect(await meetingsWithKey('samaraCurator', key)).toEqual([]);

    const bad = await send('demoCurator', {
      pair,
      kind: 'working',
      date: '2026-11-21',
      idempotencyKey: 'ключ!',
    });
    expect(bad.errors?.[0]?.message).toContain('Ключ повторной отправки');
    expect(await meetingsWithKey('demoCurator', 'ключ!')).toEqual([]);
  });
});
