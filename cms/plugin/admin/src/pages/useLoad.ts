import { useCallback, useEffect, useState } from 'react';

/** Data a screen loads when it opens, and again on `reload()` after a change. */
export function useLoad<T>(load: () => Promise<T>) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    load().then(
      (value) => {
        if (current) setData(value);
      },
      (reason: unknown) => {
        if (current) setError(reason);
      },
    );
    return () => {
      current = false;
    };
    // The loader is the screen's own; reloading is asked for explicitly.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { data, error, reload };
}

/** The Russian message of a failed admin request, as the plugin's routes word it. */
export function messageOf(error: unknown): string {
  const response = (error as { response?: { data?: { error?: { message?: string } } } } | null)?.response;
  return response?.data?.error?.message ?? 'Не удалось выполнить запрос. Попробуйте ещё раз.';
}
