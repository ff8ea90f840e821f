import type { QueueEntryView } from '@/utils/queue/entry';
import { queuedStatus } from '../../capture';
import { describeState } from '../../format';
import { Notice } from '../Notice';

/** The last capture's parts as the outbox delivers them, until the user captures something else. */
export function QueuedNotice({
  ids,
  summary,
  queue,
  onOpenQueue,
  onAgain,
}: {
  ids: readonly string[];
  summary: string;
  queue: readonly QueueEntryView[];
  onOpenQueue: () => void;
  onAgain: () => void;
}) {
  const { entries, tone, allSent } = queuedStatus(queue, ids);
  return (
    <Notice tone={tone} title={summary}>
      <ul className="plain-list" data-testid="queued-status">
        {entries.map((entry) => (
          <li key={entry.id}>
            {ids.length > 1 ? `${entry.summary}: ` : ''}
            {describeState(entry)}
            {entry.lastError ? ` — ${entry.lastError}` : ''}
          </li>
        ))}
      </ul>
      <div className="notice__actions">
        <button type="button" className="button" onClick={onOpenQueue}>
          {allSent ? 'Применить в «Наставнике»' : 'Открыть очередь'}
        </button>
        <button type="button" className="link-button" onClick={onAgain}>
          Захватить ещё
        </button>
      </div>
    </Notice>
  );
}
