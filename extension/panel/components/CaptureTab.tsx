import type { QueueEntry } from '@/utils/queue/entry';
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
}: {
  queue: readonly QueueEntry[];
  onOpenQueue: () => void;
}) {
  const tab = useCurrentTab();
  const flow = useCaptureFlow(tab);
  const { step } = flow;
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
        />
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
