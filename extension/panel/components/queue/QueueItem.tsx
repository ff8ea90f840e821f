import { useState } from 'react';
import { captureKinds } from '@nastavnik/shared/enums';
import type { GradesApplyOptions } from '@nastavnik/shared/capture';
import { sendToBackground } from '@/utils/messaging/bus';
import type { QueueEntry } from '@/utils/queue/entry';
import type { Retention } from '@/utils/queue/retention';
import { activitiesWritten, type DuplicateChoice } from '@/utils/roadmap/result';
import { describeState, formatDateTime } from '../../format';
import type { Pairs } from '../../hooks/usePairs';
import { DuplicateChoiceField } from '../DuplicateChoice';
import { GradesOptions, type Moment } from './GradesOptions';
import { ItemActions } from './ItemActions';
import { RetentionNote } from './Retention';

/** One capture in the outbox: its state, what the CMS made of it, and what may be done next. */
export function QueueItem({
  entry,
  retention,
  pairs,
  onAct,
}: {
  entry: QueueEntry;
  retention: Retention | null;
  pairs: Pairs | null;
  onAct: (action: () => Promise<unknown>) => Promise<void>;
}) {
  const [moment, setMoment] = useState<Moment>('start');
  const [pair, setPair] = useState('');
  const [choice, setChoice] = useState<DuplicateChoice>('new_version');
  const [busy, setBusy] = useState(false);
  const run = (action: () => Promise<unknown>): void => {
    setBusy(true);
    void onAct(action).finally(() => setBusy(false));
  };
  const apply = (): void => {
    const options: GradesApplyOptions | undefined =
      entry.kind === 'grades' ? { moment, ...(pair ? { pairDocumentId: pair } : {}) } : undefined;
    run(() => sendToBackground('queue.apply', { id: entry.id, ...(options ? { options } : {}) }));
  };
  // Writing goes through the capture unless the CMS already has the road map: then as the user chose.
  const commit = (): void =>
    run(() =>
      sendToBackground('queue.apply', {
        id: entry.id,
        options: { commit: true, ...(entry.duplicateOf ? { onDuplicate: choice } : {}) },
      }),
    );
  return (
    <li className={`queue-item queue-item--${entry.state}`} data-testid="queue-item">
      <div className="queue-item__head">
        <span className="chip chip--kind">{captureKinds.label(entry.kind)}</span>
        <span className={`badge badge--${entry.state}`}>{describeState(entry)}</span>
      </div>
      <div className="queue-item__summary">{entry.summary}</div>
      <div className="hint">
        {formatDateTime(entry.createdAt)} · {safeHost(entry.sourceUrl)}
      </div>
      {entry.lastError ? <div className="queue-item__error">{entry.lastError}</div> : null}
      {retention ? <RetentionNote retention={retention} /> : null}
      <ApplyOutcome entry={entry} />
      {entry.state === 'checked' && entry.duplicateOf ? (
        <DuplicateChoiceField
          duplicate={entry.duplicateOf}
          value={choice}
          onChange={setChoice}
          name={`duplicate-${entry.id}`}
        />
      ) : null}
      {entry.state === 'sent' && entry.kind === 'grades' ? (
        <GradesOptions moment={moment} pair={pair} pairs={pairs} onMoment={setMoment} onPair={setPair} />
      ) : null}
      <ItemActions
        entry={entry}
        busy={busy}
        onApply={apply}
        onCommit={commit}
        onRetry={() => run(() => sendToBackground('queue.retry', { id: entry.id }))}
        onDiscard={() => run(() => sendToBackground('queue.discard', { id: entry.id }))}
      />
    </li>
  );
}

/** The CMS's word on an applied capture, or on a road-map draft it has checked. */
function ApplyOutcome({ entry }: { entry: QueueEntry }) {
  if (entry.state === 'applied' && (entry.applyMessage || entry.createdCount !== undefined)) {
    return (
      <div className="queue-item__ok">
        {entry.applyMessage ?? ''}
        {entry.createdCount === undefined
          ? ''
          : entry.kind === 'roadmap_table'
            ? ` ${activitiesWritten(entry.createdCount)}`
            : ` Создано записей: ${entry.createdCount}.`}
      </div>
    );
  }
  if (entry.state === 'checked' && entry.applyMessage) {
    return <div className="queue-item__note">{entry.applyMessage}</div>;
  }
  return null;
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url; // an odd stored address is still better shown as it was captured than not at all
  }
}
