import { useEffect, useMemo, useState } from 'react';
import { captureKinds } from '@nastavnik/shared/enums';
import {
  captureSubmissionSchema,
  describeIssues,
  type ArticlePayload,
  type CapturePayload,
  type ColumnRole,
} from '@nastavnik/shared/capture';
import { buildTablePayload } from '@/utils/adapters/table/draft';
import { planSubmissions } from '@/utils/capture/submissions';
import {
  ensureContentScript,
  isRestrictedUrl,
  PageAccessError,
  requestSitePermission,
} from '@/utils/content/page-access';
import { sendToBackground, sendToTab } from '@/utils/messaging/bus';
import type { ResponseOf } from '@/utils/messaging/registry';
import type { QueueEntry } from '@/utils/queue/entry';
import { useCurrentTab } from '../hooks/useCurrentTab';
import { describeState } from '../format';
import { ArticlePreview } from './ArticlePreview';
import { AuditPreview } from './AuditPreview';
import { MessageList, Notice } from './Notice';
import { RoadmapPreview } from './RoadmapPreview';
import { TablePreview } from './TablePreview';

type Detected = ResponseOf<'content.detect'>;
type Offer = Detected['offers'][number];
type Extracted = ResponseOf<'content.extract'>;

type Step =
  | { name: 'idle' }
  | { name: 'detecting' }
  | { name: 'offers'; detected: Detected }
  | { name: 'extracting'; detected: Detected; offer: Offer }
  | { name: 'preview'; detected: Detected; offer: Offer; extracted: Extracted; tableIndex?: number }
  | { name: 'queued'; ids: string[]; summary: string };

interface Problem {
  message: string;
  /** Offer to ask for this site when the browser refused access for lack of permission. */
  askOrigin?: boolean;
}

function errorText(error: unknown): string {
  return error instanceof Error && error.message ? error.message : 'Непредвиденная ошибка.';
}

function messageFromFailure(error: unknown): string {
  const text = errorText(error);
  // Chrome's own wording when the tab has gone or its content script was unloaded.
  if (/Receiving end does not exist|Could not establish connection|No tab with id/i.test(text)) {
    return 'Страница не отвечает: возможно, она перезагрузилась. Попробуйте ещё раз.';
  }
  return text;
}

export function CaptureTab({
  queue,
  onOpenQueue,
}: {
  queue: readonly QueueEntry[];
  onOpenQueue: () => void;
}) {
  const tab = useCurrentTab();
  const [step, setStep] = useState<Step>({ name: 'idle' });
  const [problem, setProblem] = useState<Problem | null>(null);
  const [roles, setRoles] = useState<ColumnRole[]>([]);
  const [article, setArticle] = useState<ArticlePayload | null>(null);
  const [sending, setSending] = useState(false);

  // A different page means different data: start over instead of showing the old page's table.
  useEffect(() => {
    setStep((current) => (current.name === 'queued' ? current : { name: 'idle' }));
    setProblem(null);
  }, [tab?.id, tab?.url]);

  const analyse = async (): Promise<void> => {
    if (!tab) return;
    setProblem(null);
    setStep({ name: 'detecting' });
    try {
      const tabId = await ensureContentScript(tab);
      const detected = await sendToTab(tabId, 'content.detect', {});
      setStep({ name: 'offers', detected });
    } catch (error) {
      setStep({ name: 'idle' });
      setProblem({
        message: messageFromFailure(error),
        askOrigin: error instanceof PageAccessError && error.code === 'permission',
      });
    }
  };

  const askPermission = (): void => {
    if (!tab?.url) return;
    // Straight from the click: the browser shows its prompt only during a user gesture.
    void requestSitePermission(tab.url).then((granted) => {
      if (granted) void analyse();
      else
        setProblem({
          message: 'Доступ к сайту не разрешён. Без него расширение не может прочитать страницу.',
        });
    });
  };

  const extract = async (detected: Detected, offer: Offer, tableIndex?: number): Promise<void> => {
    if (!tab) return;
    setProblem(null);
    setStep({ name: 'extracting', detected, offer });
    try {
      const tabId = await ensureContentScript(tab);
      const extracted = await sendToTab(tabId, 'content.extract', {
        adapterId: offer.adapterId,
        ...(tableIndex === undefined ? {} : { tableIndex }),
      });
      setRoles(extracted.table?.roles ?? []);
      setArticle(extracted.payload?.kind === 'article' ? extracted.payload : null);
      setStep({
        name: 'preview',
        detected,
        offer,
        extracted,
        ...(tableIndex === undefined ? {} : { tableIndex }),
      });
    } catch (error) {
      setStep({ name: 'offers', detected });
      setProblem({ message: messageFromFailure(error) });
    }
  };

  const preview = step.name === 'preview' ? step : null;
  const built = useMemo(() => {
    if (!preview?.extracted.table) return null;
    return buildTablePayload(preview.extracted.table, roles);
  }, [preview, roles]);

  const payload: CapturePayload | undefined = built ? built.payload : (article ?? preview?.extracted.payload);
  const summary = useMemo(() => {
    if (!preview || !payload) return '';
    const label = captureKinds.label(payload.kind);
    if (payload.kind === 'article') return `${label}: «${payload.title.slice(0, 120)}»`;
    if (built) return `${label}: «${preview.extracted.table?.label ?? ''}», строк: ${built.accepted}`;
    return preview.offer.summary;
  }, [preview, payload, built]);

  const issues = useMemo(() => {
    if (!preview) return [];
    if (!payload) return preview.extracted.problems;
    const checked = captureSubmissionSchema.safeParse({
      kind: payload.kind,
      sourceUrl: preview.extracted.sourceUrl,
      adapter: preview.extracted.adapterId,
      payload,
      idempotencyKey: 'preview-check-0000000',
    });
    return checked.success ? [] : describeIssues(checked.error);
  }, [preview, payload]);

  const send = async (): Promise<void> => {
    if (!preview || !payload || issues.length > 0) return;
    setSending(true);
    setProblem(null);
    try {
      const planned = planSubmissions({
        kind: payload.kind,
        adapter: preview.extracted.adapterId,
        sourceUrl: preview.extracted.sourceUrl,
        payload,
        summary,
      });
      const entries = await sendToBackground('queue.enqueue', { items: planned });
      setStep({ name: 'queued', ids: entries.map((entry) => entry.id), summary });
    } catch (error) {
      setProblem({ message: `Не удалось поставить в очередь: ${messageFromFailure(error)}` });
    } finally {
      setSending(false);
    }
  };

  const restricted = tab?.url ? isRestrictedUrl(tab.url) : true;

  return (
    <div className="capture">
      <div className="page-card">
        <div className="page-card__text">
          <div className="page-card__title" title={tab?.title ?? ''}>
            {tab?.title || 'Нет открытой страницы'}
          </div>
          <div className="page-card__url">{tab?.url ? new URL(tab.url).host || tab.url : ''}</div>
        </div>
        <button
          type="button"
          className="button button--primary"
          onClick={() => void analyse()}
          disabled={!tab || restricted || step.name === 'detecting' || step.name === 'extracting'}
        >
          {step.name === 'detecting' ? 'Поиск…' : 'Найти данные'}
        </button>
      </div>
      {restricted && tab ? (
        <Notice tone="info">Откройте во вкладке сайт школы или страницу электронного журнала.</Notice>
      ) : null}

      {problem ? (
        <Notice tone="error">
          {problem.message}
          {problem.askOrigin ? (
            <div className="notice__actions">
              <button type="button" className="button" onClick={askPermission}>
                Разрешить доступ к сайту
              </button>
            </div>
          ) : null}
        </Notice>
      ) : null}

      {step.name === 'offers' ? (
        <OfferList detected={step.detected} onPick={(offer) => void extract(step.detected, offer)} />
      ) : null}
      {step.name === 'extracting' ? <Notice tone="info">Читаю страницу: {step.offer.summary}…</Notice> : null}

      {preview ? (
        <div className="preview">
          <div className="preview__head">
            <button
              type="button"
              className="link-button"
              onClick={() => setStep({ name: 'offers', detected: preview.detected })}
            >
              ← Другие данные на странице
            </button>
            <span className="hint">
              {preview.offer.adapterLabel} · прочитано за {preview.extracted.elapsedMs} мс
            </span>
          </div>
          {preview.offer.tables && preview.offer.tables.length > 1 ? (
            <label className="field field--inline">
              <span className="field__label">Таблица</span>
              <select
                value={preview.tableIndex ?? preview.offer.tables[0]?.index ?? 0}
                onChange={(event) =>
                  void extract(preview.detected, preview.offer, Number(event.target.value))
                }
              >
                {preview.offer.tables.map((choice) => (
                  <option key={choice.index} value={choice.index}>
                    {choice.label} ({choice.rows.toLocaleString('ru-RU')} стр.)
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          {preview.extracted.table && built ? (
            <TablePreview
              draft={preview.extracted.table}
              roles={roles}
              kind={built.payload.kind}
              accepted={built.accepted}
              skipped={built.skipped}
              onRoleChange={(column, role) =>
                setRoles((current) => current.map((value, index) => (index === column ? role : value)))
              }
            />
          ) : null}
          {article ? <ArticlePreview payload={article} onChange={setArticle} /> : null}
          {payload?.kind === 'site_audit' ? <AuditPreview payload={payload} /> : null}
          {payload?.kind === 'roadmap_table' ? <RoadmapPreview payload={payload} /> : null}
          {/* For tables the warnings are recomputed with the user's mapping; the page's first reading is stale. */}
          <MessageList
            tone="warning"
            items={built ? built.warnings : preview.extracted.warnings.slice(0, 12)}
          />
          {issues.length > 0 ? (
            <Notice tone="error" title="Нельзя отправить: исправьте сопоставление или данные">
              <ul className="plain-list">
                {issues.map((issue, index) => (
                  <li key={index}>{issue}</li>
                ))}
              </ul>
            </Notice>
          ) : null}
          <div className="actions">
            <button
              type="button"
              className="button button--primary"
              disabled={!payload || issues.length > 0 || sending}
              onClick={() => void send()}
            >
              {sending ? 'Сохраняю…' : 'Отправить в «Наставник»'}
            </button>
          </div>
        </div>
      ) : null}

      {step.name === 'queued' ? (
        <QueuedNotice
          ids={step.ids}
          summary={step.summary}
          queue={queue}
          onOpenQueue={onOpenQueue}
          onAgain={() => setStep({ name: 'idle' })}
        />
      ) : null}
    </div>
  );
}

function OfferList({ detected, onPick }: { detected: Detected; onPick: (offer: Offer) => void }) {
  if (detected.offers.length === 0) {
    return (
      <Notice tone="info" title="На странице не найдено подходящих данных">
        Нет таблиц со списком класса или оценками, дорожной карты, статьи или раздела «Наставничество».
        Откройте нужную страницу журнала или сайта и нажмите «Найти данные» ещё раз.
      </Notice>
    );
  }
  return (
    <section aria-label="Найденные данные">
      <h2 className="section-title">Найдено на странице</h2>
      <ul className="offers">
        {detected.offers.map((offer) => (
          <li key={offer.adapterId}>
            <button type="button" className="offer" onClick={() => onPick(offer)}>
              <span className="chip chip--kind">{offer.kindLabel}</span>
              <span className="offer__summary">{offer.summary}</span>
              <span className="offer__adapter">{offer.adapterLabel}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function QueuedNotice({
  ids,
  summary,
  queue,
  onOpenQueue,
  onAgain,
}: {
  ids: readonly string[];
  summary: string;
  queue: readonly QueueEntry[];
  onOpenQueue: () => void;
  onAgain: () => void;
}) {
  const entries = queue.filter((entry) => ids.includes(entry.id));
  const failed = entries.find((entry) => entry.state === 'failed');
  const troubled = entries.some((entry) => entry.lastError !== undefined);
  const allSent =
    entries.length > 0 &&
    entries.every(
      (entry) => entry.state === 'sent' || entry.state === 'checked' || entry.state === 'applied',
    );
  const tone = failed ? 'error' : allSent ? 'success' : troubled ? 'warning' : 'info';
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
