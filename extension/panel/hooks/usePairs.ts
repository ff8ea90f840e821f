import { useEffect, useState } from 'react';
import type { NastavnikApi } from '@/utils/api/client';

export type Pairs = Awaited<ReturnType<NastavnikApi['pairs']>>;

/** The mentoring pairs the user may pick, loaded again for each new server or session. */
export function usePairs(
  api: NastavnikApi | null,
  signedIn: boolean,
): { pairs: Pairs | null; loadError: string | null } {
  const [pairs, setPairs] = useState<Pairs | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const source = signedIn ? api : null;
  const [loadedFrom, setLoadedFrom] = useState(source);
  // Adjusted while rendering, as React advises for state that follows a prop: the failure of the last
  // server or session no longer applies once another one is loading.
  if (source !== loadedFrom) {
    setLoadedFrom(source);
    if (source) setLoadError(null);
  }

  useEffect(() => {
    if (!source) return;
    source
      .pairs()
      .then(setPairs, (error: unknown) =>
        setLoadError(error instanceof Error ? error.message : 'Не удалось загрузить пары.'),
      );
  }, [source]);

  return { pairs, loadError };
}
