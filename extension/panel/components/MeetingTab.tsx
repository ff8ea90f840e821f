import type { NastavnikApi } from '@/utils/api/client';
import { useMeetingForm } from '../hooks/useMeetingForm';
import { usePairs } from '../hooks/usePairs';
import { FeedbackFields } from './meeting/FeedbackFields';
import { MeetingFields } from './meeting/MeetingFields';
import { MeetingQueue } from './meeting/MeetingQueue';
import { Notice } from './Notice';

export function MeetingTab({ api, signedIn }: { api: NastavnikApi | null; signedIn: boolean }) {
  // Both stay mounted while signed out, so a form typed before the session expired survives signing in.
  const { pairs, loadError } = usePairs(api, signedIn);
  const { form, set, status, busy, submit } = useMeetingForm(api);

  if (!signedIn || !api) {
    return (
      <>
        <Notice tone="info">Войдите в «Наставник», чтобы записать встречу наставнической пары.</Notice>
        <MeetingQueue />
      </>
    );
  }
  return (
    <>
      <form className="card meeting" onSubmit={submit} noValidate>
        <h2 className="card__title">Встреча пары</h2>
        {loadError ? <Notice tone="error">{loadError}</Notice> : null}
        <MeetingFields form={form} set={set} pairs={pairs} />
        <FeedbackFields form={form} set={set} />
        {status ? <Notice tone={status.tone}>{status.text}</Notice> : null}
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Сохранение…' : 'Сохранить встречу'}
        </button>
      </form>
      <MeetingQueue />
    </>
  );
}
