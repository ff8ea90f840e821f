import { type FormEvent, useState } from 'react';
import type { NastavnikApi } from '@/utils/api/client';
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
  status: { tone: 'success' | 'error'; text: string } | null;
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
    api
      .createMeeting(parsed.data)
      .then(() => {
        setStatus({ tone: 'success', text: 'Встреча сохранена.' });
        setForm({ ...EMPTY, pair: form.pair, date: todayIso() });
      })
      // The form keeps what was typed: nothing is lost when the server is down.
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
