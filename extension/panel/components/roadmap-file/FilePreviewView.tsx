import type { DuplicateChoice } from '@/utils/roadmap/result';
import {
  type FilePreview,
  type FileProblem,
  type Organisation,
  readByText,
  type SendMode,
} from '../../roadmap-file';
import { DuplicateChoiceField } from '../DuplicateChoice';
import { Notice } from '../Notice';
import { ImportWarningList, RoadmapDraftView } from '../RoadmapDraft';

const SHOWN_ACTIVITIES = 20;

/** The document as read, what the server said of it, and the buttons that check and write it. */
export function FilePreviewView({
  preview,
  choice,
  onChoice,
  problem,
  signedIn,
  organisation,
  ready,
  busy,
  onSend,
}: {
  preview: FilePreview;
  choice: DuplicateChoice;
  onChoice: (choice: DuplicateChoice) => void;
  problem: FileProblem | null;
  signedIn: boolean;
  organisation: Organisation;
  ready: boolean;
  busy: SendMode | null;
  onSend: (mode: SendMode) => void;
}) {
  return (
    <>
      <section className="roadmap-preview" aria-label="Черновик дорожной карты">
        <p className="hint" data-testid="read-by">
          {readByText(preview)}
        </p>
        <RoadmapDraftView
          draft={preview.parsed.draft}
          warnings={preview.parsed.warnings.length}
          shown={SHOWN_ACTIVITIES}
          kpis
        />
        <ImportWarningList warnings={preview.parsed.warnings} />
      </section>
      {preview.duplicateOf ? (
        <DuplicateChoiceField
          duplicate={preview.duplicateOf}
          value={choice}
          onChange={onChoice}
          name="file-duplicate"
        />
      ) : preview.checked ? (
        <Notice tone="success">Сервер проверил документ: такой дорожной карты в «Наставнике» ещё нет.</Notice>
      ) : null}
      {problem ? <Notice tone={problem.tone}>{problem.text}</Notice> : null}
      <Destination signedIn={signedIn} organisation={organisation} />
      <div className="actions">
        <button
          type="button"
          className="button"
          disabled={!ready || busy !== null}
          onClick={() => onSend('check')}
        >
          {busy === 'check' ? 'Проверяю…' : 'Проверить на сервере'}
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={!ready || busy !== null}
          onClick={() => onSend('commit')}
        >
          {busy === 'commit' ? 'Записываю…' : 'Записать'}
        </button>
      </div>
    </>
  );
}

/** Where the road map would be written, or why it cannot be yet. */
function Destination({ signedIn, organisation }: { signedIn: boolean; organisation: Organisation }) {
  if (!signedIn) {
    return (
      <Notice tone="info">Войдите в «Наставник», чтобы проверить документ на сервере и записать его.</Notice>
    );
  }
  if (organisation === undefined) return null;
  if (organisation === null) {
    return (
      <Notice tone="error">
        В вашей учётной записи не указана организация: записать дорожную карту некуда. Обратитесь к
        администратору.
      </Notice>
    );
  }
  return (
    <p className="hint">
      Дорожная карта будет записана в организацию «{organisation.shortName || organisation.name}».
    </p>
  );
}
