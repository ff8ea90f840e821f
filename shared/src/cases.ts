/**
 * The review rule of the best-practice library: authors write and submit a case, a methodist approves
 * it or sends it back, and only an approved case may be published.
 */
import type { CaseReviewState, UserRole } from './enums.js';

/** Decisions on a case that only a methodist may take. */
const REVIEW_DECISIONS: ReadonlySet<string> = new Set<CaseReviewState>(['approved', 'changes_requested']);

/** Why `role` may not move a case into `state`, or undefined when it may. */
export function reviewDecisionProblem(role: UserRole | null, state: unknown): string | undefined {
  if (typeof state === 'string' && REVIEW_DECISIONS.has(state) && role !== 'methodist') {
    return 'Одобрить кейс или вернуть его на доработку может только методист.';
  }
  return undefined;
}

/** Why a case in `state` may not be published, or undefined when it may. */
export function publicationProblem(state: unknown): string | undefined {
  return state === 'approved'
    ? undefined
    : 'Кейс можно опубликовать только после одобрения методистом (состояние «Одобрен»).';
}
