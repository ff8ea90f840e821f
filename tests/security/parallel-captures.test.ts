/**
 * 200 capture submissions at once, a fifth of them repeating the idempotency key of another one of the
 * same batch (the extension retrying while the first send is still in flight): every submission is
 * answered, each key ends up as exactly one stored capture, and every answer for a key names it.
 */
import { describe, expect, it } from 'vitest';
import { jwtOf } from '../harness/graphql.js';
import { storedCaptures, submitCapturesInParallel } from './faults.js';
import { inject } from 'vitest';

describe('parallel capture submissions', () => {
  it('store exactly one capture per idempotency key and lose none', async () => {
    const url = inject('strapiUrl');
    const result = await submitCapturesInParallel(url, jwtOf('demoStaff'), 200, 0.2);
    expect(result.failures).toEqual([]);
    expect(result.firstSubmissions).toBe(160);
    expect(result.duplicates).toBe(40);
    for (const key of result.keys) expect(result.documentsByKey.get(key)?.size, key).toBe(1);
    expect(await storedCaptures(url, jwtOf('demoCurator'), result.keys)).toBe(160);
    process.stdout.write(
      `[faults] 200 parallel captures (SQLite): 160 keys → ${result.firstSubmissions} stored, ${result.duplicates} answered as duplicates, ${result.failures.length} failed, ${Math.round(result.ms)} ms\n`,
    );
  });
});
