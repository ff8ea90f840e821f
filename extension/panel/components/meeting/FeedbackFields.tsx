import type { MeetingForm } from '@/utils/meeting';
import type { SetField } from '../../hooks/useMeetingForm';

const RATINGS = Array.from({ length: 10 }, (_, index) => String(index + 1));

/** Each side's rating and comment, all optional. */
export function FeedbackFields({ form, set }: { form: MeetingForm; set: SetField }) {
  return (
    <fieldset className="feedback">
      <legend>Обратная связь (оценки от 1 до 10)</legend>
      <div className="field-row">
        <RatingField
          label="Оценка наставника"
          value={form.mentorRating}
          onChange={(value) => set('mentorRating', value)}
        />
        <RatingField
          label="Оценка наставляемого"
          value={form.menteeRating}
          onChange={(value) => set('menteeRating', value)}
        />
      </div>
      <CommentField
        label="Комментарий наставника"
        value={form.mentorComment}
        onChange={(value) => set('mentorComment', value)}
      />
      <CommentField
        label="Комментарий наставляемого"
        value={form.menteeComment}
        onChange={(value) => set('menteeComment', value)}
      />
    </fieldset>
  );
}

function RatingField({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">—</option>
        {RATINGS.map((rating) => (
          <option key={rating}>{rating}</option>
        ))}
      </select>
    </label>
  );
}

function CommentField({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      <textarea rows={2} maxLength={2000} value={value} onChange={(event) => onChange(event.target.value)} />
    </label>
  );
}
