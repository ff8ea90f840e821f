import { useEffect, useState } from 'react';
import { captureKinds, progressMoments } from '@nastavnik/shared/enums';
import type { GradesApplyOptions } from '@nastavnik/shared/capture';
import type { NastavnikApi } from '@/utils/api/client';
import { sendToBackground } from '@/utils/messaging/bus';
import type { QueueEntry } from '@/utils/queue/entry';
import { activitiesWritten, type DuplicateChoice } from '@/utils/roadmap/result';
import { describeState, formatDateTime } from '../format';
import { DuplicateChoiceField } from './DuplicateChoice';
import { Notice } from './Notice';

type Pairs = Awaited<ReturnType<NastavnikApi['pairs']>>;

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
      <Notice tone="info">
        Очередь пуста. Захваченные на страницах данные появятся здесь со статусом отправки.
      </Notice>
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
      {error ? <Notice tone="error">{error}</Notice> : null}
      <ul className="queue__list">
        {entries.map((entry) => (
          <QueueItem key={entry.id} entry={entry} pairs={pairs} onAct={act} />
        ))}
      </ul>
    </div>
  );
}

function QueueItem({
  entry,
  pairs,
  onAct,
}: {
  entry: QueueEntry;
  pairs: Pairs | null;
  onAct: (action: () => Promise<unknown>) => Promise<void>;
}) {
  const [moment, setMoment] = useState<GradesApplyOptions['moment']>('start');
  const [pair, setPair] = useState('');
  const [choice, setChoice] = useState<DuplicateChoice>('new_version');
  const [busy, setBusy] = useState(false);
  const roadmap = entry.kind === 'roadmap_table';
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
  const deletable =
    entry.state === 'failed' ||
    entry.state === 'queued' ||
    entry.state === 'applied' ||
    entry.state === 'checked';
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
      {entry.state === 'applied' && (entry.applyMessage || entry.createdCount !== undefined) ? (
        <div className="queue-item__ok">
          {entry.applyMessage ?? ''}
          {entry.createdCount === undefined
            ? ''
            : roadmap
              ? ` ${activitiesWritten(entry.createdCount)}`
              : ` Создано записей: ${entry.createdCount}.`}
        </div>
      ) : null}
      {entry.state === 'checked' && entry.applyMessage ? (
        <div className="queue-item__note">{entry.applyMessage}</div>
      ) : null}
      {entry.state === 'checked' && entry.duplicateOf ? (
        <DuplicateChoiceField
          duplicate={entry.duplicateOf}
          value={choice}
          onChange={setChoice}
          name={`duplicate-${entry.id}`}
        />
      ) : null}
      {entry.state === 'sent' && entry.kind === 'grades' ? (
        <div className="apply-options">
          <label className="field field--inline">
            <span className="field__label">Замер</span>
            <select
              value={moment}
              onChange={(event) => setMoment(event.target.value as GradesApplyOptions['moment'])}
            >
              <option value="start">{progressMoments.label('start')}</option>
              <option value="end">{progressMoments.label('end')}</option>
            </select>
          </label>
          <label className="field field--inline">
            <span className="field__label">Пара</span>
            <select value={pair} onChange={(event) => setPair(event.target.value)}>
              <option value="">Все участники из списка</option>
              {(pairs ?? []).map((item) => (
                <option key={item.documentId} value={item.documentId}>
                  {item.title || item.documentId}
                </option>
              ))}
            </select>
          </label>
        </div>
      ) : null}
      <div className="queue-item__actions">
        {entry.state === 'sent' ? (
          <button type="button" className="button button--primary" disabled={busy} onClick={apply}>
            {roadmap ? 'Проверить черновик' : 'Применить'}
          </button>
        ) : null}
        {entry.state === 'checked' ? (
          <button type="button" className="button button--primary" disabled={busy} onClick={commit}>
            {busy ? 'Записываю…' : 'Записать дорожную карту'}
          </button>
        ) : null}
        {entry.state === 'failed' || (entry.state === 'queued' && entry.attempts > 0) ? (
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => run(() => sendToBackground('queue.retry', { id: entry.id }))}
          >
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
                run(() => sendToBackground('queue.discard', { id: entry.id }));
              }
            }}
          >
            Удалить
          </button>
        ) : null}
      </div>
    </li>
  );
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url; // an odd stored address is still better shown as it was captured than not at all
  }
}
