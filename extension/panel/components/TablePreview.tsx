import { captureKinds } from '@nastavnik/shared/enums';
import { columnRoles, type ColumnRole } from '@nastavnik/shared/capture';
import type { TableDraft } from '@/utils/adapters/table/draft';
import { rowsWord } from '@/utils/adapters/table/draft';

const PREVIEW_ROWS = 30;

export function TablePreview({
  draft,
  roles,
  onRoleChange,
  kind,
  accepted,
  skipped,
}: {
  draft: TableDraft;
  roles: readonly ColumnRole[];
  onRoleChange: (column: number, role: ColumnRole) => void;
  kind: 'roster' | 'grades';
  accepted: number;
  skipped: readonly number[];
}) {
  const shown = draft.rows.slice(0, PREVIEW_ROWS);
  const skippedSet = new Set(skipped);
  return (
    <section className="table-preview" aria-label="Сопоставление столбцов">
      <div className="table-preview__summary">
        <span className="chip chip--kind">{captureKinds.label(kind)}</span>
        <span>
          будет отправлено: <strong data-testid="accepted-rows">{rowsWord(accepted)}</strong> из{' '}
          {draft.rows.length.toLocaleString('ru-RU')}
        </span>
      </div>
      <p className="hint">
        Проверьте, что означает каждый столбец. Столбцы «Не использовать» не отправляются.
      </p>
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              {draft.headers.map((header, column) => (
                <th
                  key={column}
                  scope="col"
                  className={roles[column] === 'ignore' ? 'is-ignored' : undefined}
                >
                  <span className="data-table__header" title={header}>
                    {header}
                  </span>
                  <select
                    aria-label={`Что в столбце «${header}»`}
                    value={roles[column] ?? 'ignore'}
                    onChange={(event) => onRoleChange(column, event.target.value as ColumnRole)}
                  >
                    {columnRoles.values.map((role) => (
                      <option key={role} value={role}>
                        {columnRoles.label(role)}
                      </option>
                    ))}
                  </select>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((row, index) => (
              <tr
                key={index}
                className={skippedSet.has(index) ? 'is-skipped' : undefined}
                title={skippedSet.has(index) ? 'Эта строка не будет отправлена' : undefined}
              >
                {draft.headers.map((_, column) => (
                  <td key={column} className={roles[column] === 'ignore' ? 'is-ignored' : undefined}>
                    {row[column] ?? ''}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {draft.rows.length > PREVIEW_ROWS ? (
        <p className="hint">
          Показаны первые {PREVIEW_ROWS} строк из {draft.rows.length.toLocaleString('ru-RU')}.
        </p>
      ) : null}
      {draft.defaults.className || draft.defaults.period ? (
        <p className="hint">
          {draft.defaults.className ? `Класс со страницы: ${draft.defaults.className}. ` : ''}
          {draft.defaults.period ? `Период: ${draft.defaults.period}.` : ''}
        </p>
      ) : null}
    </section>
  );
}
