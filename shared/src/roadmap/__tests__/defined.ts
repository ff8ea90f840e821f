/**
 * The value, or a failed test that names what was missing. For indexing into a result the test
 * expects to hold the item, where a plain `undefined` would fail later and less clearly.
 */
export function defined<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`Expected ${what}, found nothing`);
  return value;
}
