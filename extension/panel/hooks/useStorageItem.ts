import { useEffect, useState } from 'react';
import type { WxtStorageItem } from 'wxt/utils/storage';

/** The item's value, kept in sync with every context that writes it (background, other panels). */
export function useStorageItem<T>(item: WxtStorageItem<T, Record<string, unknown>>): {
  value: T | undefined;
  loaded: boolean;
} {
  const [state, setState] = useState<{ value: T | undefined; loaded: boolean }>({
    value: undefined,
    loaded: false,
  });
  useEffect(() => {
    let alive = true;
    void item.getValue().then((value) => {
      if (alive) setState({ value, loaded: true });
    });
    const unwatch = item.watch((value) => setState({ value, loaded: true }));
    return () => {
      alive = false;
      unwatch();
    };
  }, [item]);
  return state;
}
