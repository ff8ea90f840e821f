/** Road-map progress in words and as a native progress bar (no scripts, no inline styles). */
export interface ProgressFigures {
  total: number;
  done: number;
  inProgress: number;
  overdue: number;
}

const percent = ({ total, done }: ProgressFigures) => (total ? Math.round((done / total) * 100) : 0);

export function ProgressLine({ figures, id }: { figures: ProgressFigures; id: string }) {
  return (
    <p className="progress-line">
      <span id={id}>
        Выполнено {figures.done} из {figures.total} ({percent(figures)} %), выполняется {figures.inProgress},
        просрочено {figures.overdue}
      </span>
      <progress max={figures.total || 1} value={figures.done} aria-labelledby={id} />
    </p>
  );
}
