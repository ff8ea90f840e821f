/**
 * Delay before the n-th retry: doubling from 15 s up to an hour, with ±20 % jitter so that many
 * browsers coming back online after a server outage do not all knock at the same second.
 */
const BASE_MS = 15_000;
const MAX_MS = 60 * 60_000;

export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const exponent = Math.max(0, Math.min(attempt - 1, 20));
  const delay = Math.min(BASE_MS * 2 ** exponent, MAX_MS);
  const jitter = 0.8 + random() * 0.4;
  return Math.round(delay * jitter);
}
