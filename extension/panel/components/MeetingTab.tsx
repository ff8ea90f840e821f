import { type FormEvent, useEffect, useState } from 'react';
import { meetingKinds, type MeetingKind } from '@nastavnik/shared/enums';
import type { NastavnikApi } from '@/utils/api/client';
import { meetingFormSchema, type MeetingForm } from '@/utils/meeting';
import { todayIso } from '../format';
import { Notice } from './Notice';

type Pairs = Awaited<ReturnType<NastavnikApi['pairs']>>;

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

const RATINGS = Array.from({ length: 10 }, (_, index) => String(index + 1));

export function MeetingTab({ api, signedIn }: { api: NastavnikApi | null; signedIn: boolean }) {
  const [pairs, setPairs] = useState<Pairs | null>(null);
  const [form, setForm] = useState<MeetingForm>({ ...EMPTY, date: todayIso() });
  const [status, setStatus] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    if (!api || !signedIn) return;
    setLoadError(null);
    api
      .pairs()
      .then(setPairs, (error: unknown) =>
        setLoadError(error instanceof Error ? error.message : 'Не удалось загрузить пары.'),
      );
  }, [api, signedIn]);

  if (!signedIn || !api) {
    return <Notice tone="info">Войдите в «Наставник», чтобы записать встречу наставнической пары.</Notice>;
  }

  const set = <K extends keyof MeetingForm>(key: K, value: MeetingForm[K]): void =>
    setForm((current) => ({ ...current, [key]: value }));

  const submit = (event: FormEvent): void => {
    event.preventDefault();
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

  return (
    <form className="card meeting" onSubmit={submit} noValidate>
      <h2 className="card__title">Встреча пары</h2>
      {loadError ? <Notice tone="error">{loadError}</Notice> : null}
      <label className="field">
        <span className="field__label">Наставническая пара</span>
        <select value={form.pair} onChange={(event) => set('pair', event.target.value)} required>
          <option value="">
            {pairs === null ? 'Загрузка…' : pairs.length === 0 ? 'Нет доступных пар' : 'Выберите пару'}
          </option>
          {(pairs ?? []).map((pair) => (
            <option key={pair.documentId} value={pair.documentId}>
              {pair.title || pair.documentId}
            </option>
          ))}
        </select>
      </label>
      <div className="field-row field-row--wrap">
        <label className="field field--grow">
          <span className="field__label">Вид встречи</span>
          <select value={form.kind} onChange={(event) => set('kind', event.target.value as MeetingKind)}>
            {meetingKinds.values.map((kind) => (
              <option key={kind} value={kind}>
                {meetingKinds.label(kind)}
              </option>
            ))}
          </select>
        </label>
        <label className="field field--date">
          <span className="field__label">Дата</span>
          <input
            type="date"
            value={form.date}
            onChange={(event) => set('date', event.target.value)}
            required
          />
        </label>
      </div>
      <label className="field">
        <span className="field__label">Тема</span>
        <input value={form.topic} maxLength={300} onChange={(event) => set('topic', event.target.value)} />
      </label>
      <label className="field">
        <span className="field__label">Заметки</span>
        <textarea
          rows={3}
          maxLength={5000}
          value={form.notes}
          onChange={(event) => set('notes', event.target.value)}
        />
      </label>
      <fieldset className="feedback">
        <legend>Обратная связь (оценки от 1 до 10)</legend>
        <div className="field-row">
          <label className="field">
            <span className="field__label">Оценка наставника</span>
            <select value={form.mentorRating} onChange={(event) => set('mentorRating', event.target.value)}>
              <option value="">—</option>
              {RATINGS.map((value) => (
                <option key={value}>{value}</option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field__label">Оценка наставляемого</span>
            <select value={form.menteeRating} onChange={(event) => set('menteeRating', event.target.value)}>
              <option value="">—</option>
              {RATINGS.map((value) => (
                <option key={value}>{value}</option>
              ))}
            </select>
          </label>
        </div>
        <label className="field">
          <span className="field__label">Комментарий наставника</span>
          <textarea
            rows={2}
            maxLength={2000}
            value={form.mentorComment}
            onChange={(event) => set('mentorComment', event.target.value)}
          />
        </label>
        <label className="field">
          <span className="field__label">Комментарий наставляемого</span>
          <textarea
            rows={2}
            maxLength={2000}
            value={form.menteeComment}
            onChange={(event) => set('menteeComment', event.target.value)}
          />
        </label>
      </fieldset>
      {status ? <Notice tone={status.tone}>{status.text}</Notice> : null}
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? 'Сохранение…' : 'Сохранить встречу'}
      </button>
    </form>
  );
}
