import type { QueueEntry } from '@/utils/queue/entry';

/** The buttons an entry's state allows: apply or check, write, retry, delete. */
export function ItemActions({
  entry,
  busy,
  onApply,
  onCommit,
  onRetry,
  onDiscard,
}: {
  entry: QueueEntry;
  busy: boolean;
  onApply: () => void;
  onCommit: () => void;
  onRetry: () => void;
  onDiscard: () => void;
}) {
  const deletable =
    entry.state === 'failed' ||
    entry.state === 'queued' ||
    entry.state === 'applied' ||
    entry.state === 'checked';
  return (
    <div className="queue-item__actions">
      {entry.state === 'sent' ? (
        <button type="button" className="button button--primary" disabled={busy} onClick={onApply}>
          {entry.kind === 'roadmap_table' ? 'Проверить черновик' : 'Применить'}
        </button>
      ) : null}
      {entry.state === 'checked' ? (
        <button type="button" className="button button--primary" disabled={busy} onClick={onCommit}>
          {busy ? 'Записываю…' : 'Записать дорожную карту'}
        </button>
      ) : null}
      {entry.state === 'failed' || (entry.state === 'queued' && entry.attempts > 0) ? (
        <button type="button" className="button" disabled={busy} onClick={onRetry}>
          Повторить
        </button>
      ) : null}
      {deletable ? (
        <button
          type="button"
          className="link-button link-button--danger"
          disabled={busy}
          onClick={() => {
            const pending = entry.state === 'failed' || entry.state === 'queued';
            if (!pending || window.confirm('Удалить захват из очереди? Данные не будут отправлены.')) {
              onDiscard();
            }
          }}
        >
          Удалить
        </button>
      ) : null}
    </div>
  );
}
