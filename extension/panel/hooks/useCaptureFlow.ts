import { useState } from 'react';
import type { Browser } from 'wxt/browser';
import { planSubmissions } from '@/utils/capture/submissions';
import { ensureContentScript, PageAccessError, requestSitePermission } from '@/utils/content/page-access';
import { sendToBackground, sendToTab } from '@/utils/messaging/bus';
import {
  afterPageChange,
  canSend,
  type Detected,
  type Draft,
  failureMessage,
  type Offer,
  type PreviewStep,
  previewStep,
  type Problem,
  type Sendable,
  type Step,
} from '../capture';

export interface CaptureFlow {
  step: Step;
  problem: Problem | null;
  sending: boolean;
  analyse: () => Promise<void>;
  askPermission: () => void;
  extract: (detected: Detected, offer: Offer, tableIndex?: number) => Promise<void>;
  editPreview: (change: (preview: PreviewStep) => PreviewStep) => void;
  send: (preview: PreviewStep, draft: Draft) => Promise<void>;
  showOffers: (detected: Detected) => void;
  startOver: () => void;
}

function pageProblem(error: unknown): Problem {
  return {
    message: failureMessage(error),
    askOrigin: error instanceof PageAccessError && error.code === 'permission',
  };
}

async function enqueue(preview: PreviewStep, draft: Sendable): Promise<string[]> {
  const entries = await sendToBackground('queue.enqueue', {
    items: planSubmissions({
      kind: draft.payload.kind,
      adapter: preview.extracted.adapterId,
      sourceUrl: preview.extracted.sourceUrl,
      payload: draft.payload,
      summary: draft.summary,
    }),
  });
  return entries.map((entry) => entry.id);
}

/** The capture tab's steps: find data on the page, read one offer, preview it, queue it. */
export function useCaptureFlow(tab: Browser.tabs.Tab | undefined): CaptureFlow {
  const [step, setStep] = useState<Step>({ name: 'idle' });
  const [problem, setProblem] = useState<Problem | null>(null);
  const [sending, setSending] = useState(false);
  const page = JSON.stringify([tab?.id, tab?.url]);
  const [shownPage, setShownPage] = useState(page);
  // Adjusted while rendering, as React advises for state that follows a prop, rather than in an effect.
  if (page !== shownPage) {
    setShownPage(page);
    setStep(afterPageChange);
    setProblem(null);
  }

  const analyse = async (): Promise<void> => {
    if (!tab) return;
    setProblem(null);
    setStep({ name: 'detecting' });
    try {
      const tabId = await ensureContentScript(tab);
      setStep({ name: 'offers', detected: await sendToTab(tabId, 'content.detect', {}) });
    } catch (error) {
      setStep({ name: 'idle' });
      setProblem(pageProblem(error));
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
      setStep(previewStep(detected, offer, extracted, tableIndex));
    } catch (error) {
      setStep({ name: 'offers', detected });
      setProblem({ message: failureMessage(error) });
    }
  };

  const send = async (preview: PreviewStep, draft: Draft): Promise<void> => {
    if (!canSend(draft)) return;
    setSending(true);
    setProblem(null);
    try {
      setStep({ name: 'queued', ids: await enqueue(preview, draft), summary: draft.summary });
    } catch (error) {
      setProblem({ message: `Не удалось поставить в очередь: ${failureMessage(error)}` });
    } finally {
      setSending(false);
    }
  };

  return {
    step,
    problem,
    sending,
    analyse,
    askPermission,
    extract,
    send,
    editPreview: (change) => setStep((current) => (current.name === 'preview' ? change(current) : current)),
    showOffers: (detected) => setStep({ name: 'offers', detected }),
    startOver: () => setStep({ name: 'idle' }),
  };
}
