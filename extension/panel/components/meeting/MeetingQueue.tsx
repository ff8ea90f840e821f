import { useState } from 'react';
import { sendToBackground } from '@/utils/messaging/bus';
import { purgeDays, retentionFrom } from '@/utils/queue/retention';
import { meetingQueueItem, purgeAfterDaysItem } from '@/utils/storage';
import { formatDateTime } from '../../format';
import { useNow } from '../../hooks/useNow';
import { useStorageItem } from '../../hooks/useStorageItem';
import { Notice } from '../Notice';
import { RetentionNote } from '../queue/Retention';

const STATES = { queued: 'В очереди', sending: 'Отправляется', failed: 'Ошибка' } as const;

/** Meetings saved while the server could not be reached, until the CMS has them. */
export function MeetingQueue() {
  const entries = useStorageItem(meetingQueueItem).value ?? [];
  const days = purgeDays(useStorageItem(purgeAfterDaysItem).value);
  const [error, setError] = useState<string | null>(null);
  const now = useNow();
  if (entries.length === 0) return null;
  const act = (action: () => Promise<unknown>) => {
    setError(null);
    action().catch((failure: unknown) =>
      setError(failure instanceof Error ? failure.message : 'Не удалось выполнить действие.'),
    );
  };
  return (
    <div className="card" data-testid="meeting-queue">
      <h2 className="card__title">Встречи, ожидающие отправки: {entries.length}</h2>
      {error ? <Notice tone="error">{error}</Notice> : null}
      <ul className="queue__list">
        {entries.map((entry) => (
          <li
            key={entry.id}
            className={`queue-item queue-item--${entry.state}`}
            data-testid="meeting-queue-item"
          >
            <div className="queue-item__head">
              <span className="queue-item__summary">{entry.summary}</span>
              <span className={`badge badge--${entry.state}`}>{STATES[entry.state]}</span>
            </div>
            <div className="hint">Записана {formatDateTime(entry.createdAt)}</div>
            {entry.lastError ? <div className="queue-item__error">{entry.lastError}</div> : null}
            <RetentionNote retention={retentionFrom(entry.createdAt, days, now)} />
            <div className="queue-item__actions">
              {entry.state !== 'sending' ? (
                <button
                  type="button"
                  className="button"
                  onClick={() => act(() => sendToBackground('meetings.retry', { id: entry.id }))}
                >
                  {entry.state === 'failed' ? 'Отправить снова' : 'Отправить сейчас'}
                </button>
              ) : null}
              {entry.state !== 'sending' ? (
                <button
                  type="button"
                  className="link-button link-button--danger"
                  onClick={() => act(() => sendToBackground('meetings.discard', { id: entry.id }))}
                >
                  Удалить
                </button>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
