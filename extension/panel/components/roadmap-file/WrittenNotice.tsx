import { activitiesWritten } from '@/utils/roadmap/result';
import type { FileWritten } from '../../roadmap-file';
import { Notice } from '../Notice';

/** What the CMS wrote, and what became of the road map it replaced or archived. */
export function WrittenNotice({ written, onAgain }: { written: FileWritten; onAgain: () => void }) {
  const { result } = written;
  return (
    <Notice tone="success" title="Дорожная карта записана">
      <div data-testid="import-result">
        <p className="plain-text import-result__title">
          {written.title ? `«${written.title}»` : written.file.name}
          {result.version && result.version > 1 ? `, версия ${result.version}` : ''}
        </p>
        <p className="plain-text">
          {activitiesWritten(result.activitiesCount)}
          {result.kpisCount > 0 ? ` Показателей: ${result.kpisCount}.` : ''}
          {result.warnings.length > 0
            ? ` Замечания разбора (${result.warnings.length}) сохранены вместе с ней.`
            : ''}
          {written.previous === 'new_version' ? ' Прежняя версия — в архиве.' : ''}
          {written.previous === 'replace' ? ' Прежняя дорожная карта заменена.' : ''}
        </p>
      </div>
      <div className="notice__actions">
        <button type="button" className="button" onClick={onAgain}>
          Импортировать другой файл
        </button>
      </div>
    </Notice>
  );
}
