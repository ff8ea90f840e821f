import { useState } from 'react';
import { requestSitePermission } from '@/utils/content/page-access';
import type { QueueEntry } from '@/utils/queue/entry';
import { fetchRoadmapFile } from '@/utils/roadmap/link';
import { useCaptureFlow } from '../hooks/useCaptureFlow';
import { useCurrentTab } from '../hooks/useCurrentTab';
import { CapturePreview } from './capture/CapturePreview';
import { OfferList } from './capture/OfferList';
import { PageCard } from './capture/PageCard';
import { ProblemNotice } from './capture/ProblemNotice';
import { QueuedNotice } from './capture/QueuedNotice';
import { Notice } from './Notice';

export function CaptureTab({
  queue,
  onOpenQueue,
  onImportFile,
}: {
  queue: readonly QueueEntry[];
  onOpenQueue: () => void;
  /** Hands a road-map file linked from the page to the file tab. */
  onImportFile: (file: File) => void;
}) {
  const tab = useCurrentTab();
  const flow = useCaptureFlow(tab);
  const { step } = flow;
  const [importing, setImporting] = useState<string | null>(null);
  const [linkProblem, setLinkProblem] = useState<string | null>(null);

  // The permission request comes first, straight from the click: the browser asks only during one.
  const importLink = async (href: string): Promise<void> => {
    setLinkProblem(null);
    setImporting(href);
    try {
      const granted = await requestSitePermission(href).catch(() => false);
      if (!granted) {
        setLinkProblem(
          `Нет доступа к сайту ${new URL(href).host}: разрешите панели читать его, чтобы скачать дорожную карту.`,
        );
        return;
      }
      onImportFile(await fetchRoadmapFile(href));
    } catch (error) {
      setLinkProblem(error instanceof Error ? error.message : 'Не удалось скачать файл по ссылке.');
    } finally {
      setImporting(null);
    }
  };
  return (
    <div className="capture">
      <PageCard tab={tab} step={step} onAnalyse={() => void flow.analyse()} />
      {flow.problem ? <ProblemNotice problem={flow.problem} onAskPermission={flow.askPermission} /> : null}
      {step.name === 'offers' ? (
        <OfferList detected={step.detected} onPick={(offer) => void flow.extract(step.detected, offer)} />
      ) : null}
      {step.name === 'extracting' ? <Notice tone="info">Читаю страницу: {step.offer.summary}…</Notice> : null}
      {step.name === 'preview' ? (
        <CapturePreview
          preview={step}
          sending={flow.sending}
          onBack={() => flow.showOffers(step.detected)}
          onPickTable={(tableIndex) => void flow.extract(step.detected, step.offer, tableIndex)}
          onEdit={flow.editPreview}
          onSend={(draft) => void flow.send(step, draft)}
          importing={importing}
          onImportLink={(href) => void importLink(href)}
        />
      ) : null}
      {linkProblem ? (
        <Notice tone="error" title="Дорожная карта по ссылке не скачана">
          {linkProblem}
        </Notice>
      ) : null}
      {step.name === 'queued' ? (
        <QueuedNotice
          ids={step.ids}
          summary={step.summary}
          queue={queue}
          onOpenQueue={onOpenQueue}
          onAgain={flow.startOver}
        />
      ) : null}
    </div>
  );
}
