import { type FormEvent, useState } from 'react';
import { meetingKinds } from '@nastavnik/shared/enums';
import type { NastavnikApi } from '@/utils/api/client';
import { sendToBackground } from '@/utils/messaging/bus';
import { meetingFormSchema, type MeetingForm } from '@/utils/meeting';
import { todayIso } from '../format';

const EMPTY: MeetingForm = {
  pair: '',
  kind: 'working',
  date: '',
  topic: '',
  notes: '',
  mentorRating: '',
  menteeRating: '',
  mentorComment: '',
  menteeComment: '',
};

export type SetField = <K extends keyof MeetingForm>(key: K, value: MeetingForm[K]) => void;

export interface MeetingFormFlow {
  form: MeetingForm;
  set: SetField;
  status: { tone: 'success' | 'info' | 'error'; text: string } | null;
  busy: boolean;
  submit: (event: FormEvent) => void;
}

/** The meeting form: what is typed, checked before it is sent, and kept when saving fails. */
export function useMeetingForm(api: NastavnikApi | null): MeetingFormFlow {
  const [form, setForm] = useState<MeetingForm>({ ...EMPTY, date: todayIso() });
  const [status, setStatus] = useState<MeetingFormFlow['status']>(null);
  const [busy, setBusy] = useState(false);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!api) return;
    const parsed = meetingFormSchema.safeParse(form);
    if (!parsed.success) {
      setStatus({
        tone: 'error',
        text: [...new Set(parsed.error.issues.map((issue) => issue.message))].join('; '),
      });
      return;
    }
    setBusy(true);
    setStatus(null);
    // Through the background's outbox: without a connection the meeting waits there, not in this form.
    sendToBackground('meetings.enqueue', {
      record: parsed.data,
      summary: `${meetingKinds.label(parsed.data.kind)}, ${parsed.data.date}`,
    })
      .then((outcome) => {
        if (!outcome.delivered && !outcome.queued) {
          setStatus({ tone: 'error', text: outcome.message });
          return;
        }
        setStatus({ tone: outcome.delivered ? 'success' : 'info', text: outcome.message });
        setForm({ ...EMPTY, pair: form.pair, date: todayIso() });
      })
      // The form keeps what was typed when even the outbox could not take it.
      .catch((error: unknown) =>
        setStatus({
          tone: 'error',
          text: error instanceof Error ? error.message : 'Не удалось сохранить встречу.',
        }),
      )
      .finally(() => setBusy(false));
  };

  return {
    form,
    set: (key, value) => setForm((current) => ({ ...current, [key]: value })),
    status,
    busy,
    submit,
  };
}
