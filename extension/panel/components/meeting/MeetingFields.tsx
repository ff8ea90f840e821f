import { meetingKinds, type MeetingKind } from '@nastavnik/shared/enums';
import type { MeetingForm } from '@/utils/meeting';
import type { Pairs } from '../../hooks/usePairs';
import type { SetField } from '../../hooks/useMeetingForm';

/** Which pair met, how, when, and about what. */
export function MeetingFields({
  form,
  set,
  pairs,
}: {
  form: MeetingForm;
  set: SetField;
  pairs: Pairs | null;
}) {
  return (
    <>
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
    </>
  );
}
