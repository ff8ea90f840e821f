/**
 * Promises kept by key, least recently used dropped first once the entries weigh more than a bound.
 * A value's weight is known when it resolves (a list of matches weighs its length); a rejected promise
 * is dropped at once, so the next caller tries again instead of receiving the old failure.
 */
export class BoundedCache<T> {
  private readonly entries = new Map<string, { value: Promise<T>; weight: number }>();
  private total = 0;

  constructor(
    private readonly maxWeight: number,
    private readonly weigh: (value: T) => number = () => 1,
  ) {}

  get size() {
    return this.entries.size;
  }

  get weight() {
    return this.total;
  }

  /** The kept value, or the one `make` starts, kept from now on. */
  get(key: string, make: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value;
    }
    const entry = { value: make(), weight: 1 };
    this.entries.set(key, entry);
    this.total += entry.weight;
    entry.value.then(
      (value) => {
        if (this.entries.get(key) !== entry) return;
        const weight = Math.max(1, this.weigh(value));
        this.total += weight - entry.weight;
        entry.weight = weight;
        this.evict();
      },
      () => {
        if (this.entries.get(key) !== entry) return;
        this.entries.delete(key);
        this.total -= entry.weight;
      },
    );
    this.evict();
    return entry.value;
  }

  clear() {
    this.entries.clear();
    this.total = 0;
  }

  /** The oldest entries out until the rest fit; the newest one stays whatever it weighs. */
  private evict() {
    for (const [key, entry] of this.entries) {
      if (this.total <= this.maxWeight || this.entries.size <= 1) return;
      this.entries.delete(key);
      this.total -= entry.weight;
    }
  }
}
