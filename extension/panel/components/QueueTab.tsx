import { useEffect, useState } from 'react';
import type { NastavnikApi } from '@/utils/api/client';
import { sendToBackground } from '@/utils/messaging/bus';
import type { QueueEntry } from '@/utils/queue/entry';
import { purgeDays, retentionOf } from '@/utils/queue/retention';
import { purgeAfterDaysItem } from '@/utils/storage';
import type { Pairs } from '../hooks/usePairs';
import { Notice } from './Notice';
import { QueueItem } from './queue/QueueItem';
import { purgeWarning, RetentionSetting } from './queue/Retention';
import { useNow } from '../hooks/useNow';
import { useStorageItem } from '../hooks/useStorageItem';

export function QueueTab({
  queue,
  api,
  signedIn,
}: {
  queue: readonly QueueEntry[];
  api: NastavnikApi | null;
  signedIn: boolean;
}) {
  const [error, setError] = useState<string | null>(null);
  const [pairs, setPairs] = useState<Pairs | null>(null);
  const entries = [...queue].sort((a, b) => b.createdAt - a.createdAt);
  const waiting = queue.filter((entry) => entry.state === 'queued' || entry.state === 'sending').length;
  const days = purgeDays(useStorageItem(purgeAfterDaysItem).value);
  const now = useNow();
  const retention = new Map(entries.map((entry) => [entry.id, retentionOf(entry, days, now)]));
  const warned = entries.flatMap((entry) => {
    const r = retention.get(entry.id);
    return r?.warn ? [r.purgeAt] : [];
  });
  const needsPairs = signedIn && queue.some((entry) => entry.kind === 'grades' && entry.state === 'sent');

  useEffect(() => {
    if (!needsPairs || !api || pairs) return;
    api.pairs().then(setPairs, () => setPairs([]));
  }, [needsPairs, api, pairs]);

  const act = async (action: () => Promise<unknown>): Promise<void> => {
    setError(null);
    try {
      await action();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'Не удалось выполнить действие.');
    }
  };

  if (entries.length === 0) {
    return (
      <div className="queue">
        <Notice tone="info">
          Очередь пуста. Захваченные на страницах данные появятся здесь со статусом отправки.
        </Notice>
        <RetentionSetting days={days} />
      </div>
    );
  }
  return (
    <div className="queue">
      <div className="queue__toolbar">
        <span className="hint">
          {waiting > 0 ? `Ждут отправки: ${waiting}` : 'Все захваты отправлены'}
          {!signedIn && waiting > 0 ? ' · войдите, чтобы отправить' : ''}
        </span>
        {waiting > 0 ? (
          <button
            type="button"
            className="button"
            onClick={() => void act(() => sendToBackground('queue.flush', {}))}
          >
            Отправить сейчас
          </button>
        ) : null}
      </div>
      {warned.length > 0 ? (
        <Notice tone="warning">{purgeWarning(warned.length, Math.min(...warned))}</Notice>
      ) : null}
      {error ? <Notice tone="error">{error}</Notice> : null}
      <ul className="queue__list">
        {entries.map((entry) => (
          <QueueItem
            key={entry.id}
            entry={entry}
            retention={retention.get(entry.id) ?? null}
            pairs={pairs}
            onAct={act}
          />
        ))}
      </ul>
      <RetentionSetting days={days} />
    </div>
  );
}
