import type { ChangeEvent } from 'react';
import { formatBytes, MAX_ROADMAP_FILE_BYTES, ROADMAP_FILE_ACCEPT } from '@/utils/roadmap/file';
import type { FileStep } from '../../roadmap-file';

/** The file input, and the name and size of the file chosen last. */
export function FilePicker({
  step,
  disabled,
  onChoose,
}: {
  step: FileStep;
  disabled: boolean;
  onChoose: (chosen: File) => void;
}) {
  const change = (event: ChangeEvent<HTMLInputElement>): void => {
    const input = event.currentTarget;
    const chosen = input.files?.[0];
    // Cleared at once, so that choosing the same file again (after fixing it in Word) reads it again.
    input.value = '';
    if (chosen) onChoose(chosen);
  };
  return (
    <section className="card">
      <h2 className="card__title">Файл дорожной карты</h2>
      <p className="hint">
        Документ Word (DOCX), PDF, веб-страница (HTML) или текст с таблицей — до{' '}
        {formatBytes(MAX_ROADMAP_FILE_BYTES)}. Файл сначала разбирается здесь, в браузере; в «Наставник» он
        попадает только по кнопке «Записать».
      </p>
      <div className="file-pick">
        <label className={step.name === 'empty' ? 'button button--primary' : 'button'}>
          {step.name === 'empty' ? 'Выбрать файл…' : 'Выбрать другой файл'}
          <input
            type="file"
            className="visually-hidden"
            accept={ROADMAP_FILE_ACCEPT}
            aria-label="Файл дорожной карты"
            disabled={disabled}
            onChange={change}
          />
        </label>
        {step.name !== 'empty' ? (
          <span className="file-pick__name" data-testid="chosen-file">
            {step.file.name}
            <span className="hint"> · {formatBytes(step.file.size)}</span>
          </span>
        ) : null}
      </div>
    </section>
  );
}
