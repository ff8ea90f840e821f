import { useEffect } from 'react';
import type { NastavnikApi } from '@/utils/api/client';
import { useRoadmapFile } from '../hooks/useRoadmapFile';
import type { Organisation } from '../roadmap-file';
import { Notice } from './Notice';
import { FilePicker } from './roadmap-file/FilePicker';
import { FilePreviewView } from './roadmap-file/FilePreviewView';
import { WrittenNotice } from './roadmap-file/WrittenNotice';

export function RoadmapFileTab({
  api,
  incoming,
  signedIn,
  organisation,
}: {
  api: NastavnikApi | null;
  /** A file fetched from a link on a page: read as if chosen here. */
  incoming: { file: File; id: number } | null;
  signedIn: boolean;
  organisation: Organisation;
}) {
  const flow = useRoadmapFile(api, organisation);
  const { step, preview, choose } = flow;
  useEffect(() => {
    if (incoming) void choose(incoming.file);
    // Only a new file (a new id) is read; `choose` is a new function on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [incoming?.id]);
  return (
    <div className="file-import">
      <FilePicker
        step={step}
        disabled={step.name === 'reading' || flow.busy !== null}
        onChoose={(chosen) => void flow.choose(chosen)}
      />
      {step.name === 'reading' ? <Notice tone="info">Разбираю файл…</Notice> : null}
      {step.name === 'refused' ? (
        <Notice tone="error" title="Файл не принят">
          {step.message}
        </Notice>
      ) : null}
      {preview ? (
        <FilePreviewView
          preview={preview}
          choice={flow.choice}
          onChoice={flow.setChoice}
          problem={flow.problem}
          signedIn={signedIn && api !== null}
          organisation={organisation}
          ready={Boolean(api && signedIn && organisation)}
          busy={flow.busy}
          onSend={(mode) => void flow.send(mode)}
        />
      ) : null}
      {step.name === 'written' ? <WrittenNotice written={step} onAgain={flow.startOver} /> : null}
    </div>
  );
}
