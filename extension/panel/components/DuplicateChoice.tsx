import {
  describeDuplicate,
  duplicateChoiceLabels,
  type DuplicateChoice,
  type DuplicateInfo,
} from '@/utils/roadmap/result';

const CHOICES: readonly DuplicateChoice[] = ['new_version', 'replace'];

/** The CMS already has this road map: what to do with the one there, asked before anything is written. */
export function DuplicateChoiceField({
  duplicate,
  value,
  onChange,
  name,
}: {
  duplicate: DuplicateInfo;
  value: DuplicateChoice;
  onChange: (choice: DuplicateChoice) => void;
  name: string;
}) {
  return (
    <fieldset className="duplicate" data-testid="duplicate-choice">
      <legend className="duplicate__title">{describeDuplicate(duplicate)}</legend>
      <p className="duplicate__question">Что сделать с дорожной картой, которая уже есть?</p>
      {CHOICES.map((choice) => (
        <label key={choice} className="duplicate__option">
          <input
            type="radio"
            name={name}
            value={choice}
            checked={value === choice}
            onChange={() => onChange(choice)}
          />
          <span>{duplicateChoiceLabels[choice](duplicate)}</span>
        </label>
      ))}
    </fieldset>
  );
}
