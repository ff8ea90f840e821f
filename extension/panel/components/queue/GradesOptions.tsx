import { progressMoments } from '@nastavnik/shared/enums';
import type { GradesApplyOptions } from '@nastavnik/shared/capture';
import type { Pairs } from '../../hooks/usePairs';

export type Moment = GradesApplyOptions['moment'];

/** Which measurement the grades are, and whose: one pair, or everyone on the list. */
export function GradesOptions({
  moment,
  pair,
  pairs,
  onMoment,
  onPair,
}: {
  moment: Moment;
  pair: string;
  pairs: Pairs | null;
  onMoment: (moment: Moment) => void;
  onPair: (pair: string) => void;
}) {
  return (
    <div className="apply-options">
      <label className="field field--inline">
        <span className="field__label">Замер</span>
        <select value={moment} onChange={(event) => onMoment(event.target.value as Moment)}>
          <option value="start">{progressMoments.label('start')}</option>
          <option value="end">{progressMoments.label('end')}</option>
        </select>
      </label>
      <label className="field field--inline">
        <span className="field__label">Пара</span>
        <select value={pair} onChange={(event) => onPair(event.target.value)}>
          <option value="">Все участники из списка</option>
          {(pairs ?? []).map((item) => (
            <option key={item.documentId} value={item.documentId}>
              {item.title || item.documentId}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
