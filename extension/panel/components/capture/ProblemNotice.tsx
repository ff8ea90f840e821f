import type { Problem } from '../../capture';
import { Notice } from '../Notice';

export function ProblemNotice({
  problem,
  onAskPermission,
}: {
  problem: Problem;
  onAskPermission: () => void;
}) {
  return (
    <Notice tone="error">
      {problem.message}
      {problem.askOrigin ? (
        <div className="notice__actions">
          <button type="button" className="button" onClick={onAskPermission}>
            Разрешить доступ к сайту
          </button>
        </div>
      ) : null}
    </Notice>
  );
}
