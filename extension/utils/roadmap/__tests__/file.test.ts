import { describe, expect, it } from 'vitest';
import {
  base64Length,
  bytesToBase64,
  fileSizeProblem,
  formatBytes,
  GRAPHQL_BODY_LIMIT,
  MAX_ROADMAP_FILE_BYTES,
} from '../file.js';

/** Deterministic bytes covering every value, so that no byte escapes the comparison. */
function bytesOf(length: number, seed = 7): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let i = 0; i < length; i += 1) {
    state = (state * 1_103_515_245 + 12_345) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}

describe('road-map file size', () => {
  it('refuses an empty file and one the CMS would not accept, in Russian, naming the file', () => {
    expect(fileSizeProblem({ name: 'план.docx', size: 0 })).toMatch(/^Файл «план\.docx» пуст\./);
    const tooBig = fileSizeProblem({ name: 'скан.docx', size: MAX_ROADMAP_FILE_BYTES + 1 });
    expect(tooBig).toContain('«скан.docx» занимает 17 МБ');
    expect(tooBig).toContain('не больше 17 МБ');
    expect(fileSizeProblem({ name: 'план.docx', size: MAX_ROADMAP_FILE_BYTES })).toBeNull();
    expect(fileSizeProblem({ name: 'план.txt', size: 1 })).toBeNull();
  });

  it('lets through only files whose request stays under the 24 MB GraphQL limit, with room to spare', () => {
    // The largest file, as base64, plus the query and JSON around it (well under 64 KB).
    expect(base64Length(MAX_ROADMAP_FILE_BYTES) + 64 * 1024).toBeLessThan(GRAPHQL_BODY_LIMIT);
    // …and the limit is not needlessly low: a file 2 MB larger would not fit.
    expect(base64Length(MAX_ROADMAP_FILE_BYTES + 2 * 1024 * 1024)).toBeGreaterThan(GRAPHQL_BODY_LIMIT);
  });

  it('formats sizes the Russian way', () => {
    expect(formatBytes(512)).toBe('512 Б');
    expect(formatBytes(12_700)).toBe('12,4 КБ');
    expect(formatBytes(MAX_ROADMAP_FILE_BYTES)).toBe('17 МБ');
  });
});

describe('base64 of a file', () => {
  it('matches the standard encoding at every chunk boundary and padding', () => {
    for (const length of [0, 1, 2, 3, 4, 24_575, 24_576, 24_577, 49_152, 49_153, 100_001]) {
      const bytes = bytesOf(length, length + 1);
      expect(bytesToBase64(bytes), `${length} bytes`).toBe(Buffer.from(bytes).toString('base64'));
      expect(bytesToBase64(bytes)).toHaveLength(base64Length(length));
    }
  });

  it('encodes the largest allowed file without overflowing the stack', () => {
    const bytes = bytesOf(MAX_ROADMAP_FILE_BYTES);
    // The naive String.fromCharCode(...bytes) throws RangeError long before this size.
    expect(() => String.fromCharCode(...bytes.subarray(0, 4 * 1024 * 1024))).toThrow(RangeError);
    const encoded = bytesToBase64(bytes);
    expect(encoded).toHaveLength(base64Length(bytes.length));
    expect(Buffer.from(encoded, 'base64').equals(Buffer.from(bytes))).toBe(true);
  });

  it('encodes a view into a larger buffer from its own offset only', () => {
    const buffer = bytesOf(1000);
    const view = buffer.subarray(10, 20);
    expect(bytesToBase64(view)).toBe(Buffer.from(view).toString('base64'));
  });
});
