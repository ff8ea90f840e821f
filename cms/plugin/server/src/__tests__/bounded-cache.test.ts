import { describe, expect, it } from 'vitest';
import { BoundedCache } from '../cases/bounded-cache.js';

describe('BoundedCache', () => {
  it('keeps a value until heavier newer ones push it out, least recently used first', async () => {
    const cache = new BoundedCache<number[]>(5, (list) => list.length);
    let made = 0;
    const get = (key: string, length: number) =>
      cache.get(key, () => {
        made++;
        return Promise.resolve(Array.from({ length }, () => 0));
      });
    await get('a', 2);
    await get('b', 2);
    await get('a', 2); // a used again: b is now the oldest
    expect(made).toBe(2);
    await get('c', 2);
    expect(cache.weight).toBe(4);
    expect(cache.size).toBe(2);
    await get('a', 2);
    expect(made).toBe(3); // a kept, b dropped
    await get('b', 2);
    expect(made).toBe(4);
  });

  it('keeps the newest value even when it alone weighs more than the bound', async () => {
    const cache = new BoundedCache<number[]>(3, (list) => list.length);
    await cache.get('small', () => Promise.resolve([1]));
    await cache.get('big', () => Promise.resolve([1, 2, 3, 4, 5]));
    expect(cache.size).toBe(1);
    expect(await cache.get('big', () => Promise.resolve([]))).toHaveLength(5);
  });

  it('drops a failure, so the next caller tries again', async () => {
    const cache = new BoundedCache<string>(10);
    await expect(cache.get('k', () => Promise.reject(new Error('база недоступна')))).rejects.toThrow();
    await new Promise((resolve) => setImmediate(resolve));
    expect(cache.size).toBe(0);
    expect(await cache.get('k', () => Promise.resolve('ответ'))).toBe('ответ');
  });
});
