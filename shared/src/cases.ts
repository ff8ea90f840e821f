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

/** What a methodist reviews: a change to any of these after approval needs a new review. */
export const caseContentFields = [
  'title',
  'slug',
  'summary',
  'form',
  'audience',
  'problem',
  'solution',
  'results',
  'materials',
  'organisation',
  'authors',
  'tags',
  'sourceUrl',
  'periodText',
] as const;
export type CaseContentField = (typeof caseContentFields)[number];

/** Fields that hold links to other records (media, organisation), compared by the records they name. */
const LINK_FIELDS: ReadonlySet<string> = new Set<CaseContentField>(['materials', 'organisation']);

const linkKey = (value: unknown): string | null => {
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (value && typeof value === 'object') {
    const { documentId, id } = value as { documentId?: unknown; id?: unknown };
    if (typeof documentId === 'string') return documentId;
    if (typeof id === 'string' || typeof id === 'number') return String(id);
  }
  return null;
};

/** A relation written as `{ connect, disconnect }` changes it exactly when either lists something. */
function isRelationEdit(
  value: unknown,
): value is { connect?: unknown[]; disconnect?: unknown[]; set?: unknown[] } {
  return (
    !!value &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    ('connect' in value || 'disconnect' in value || 'set' in value)
  );
}

/**
 * One comparable form for a stored or written value: empty means absent, components lose their ids,
 * linked records become the sorted list of their ids, so a save that repeats what is stored (as the
 * admin panel's form does) is not a change.
 */
export function normaliseCaseValue(field: string, value: unknown): unknown {
  if (value === undefined || value === null || value === '' || value === false) return null;
  if (LINK_FIELDS.has(field)) {
    const list = (Array.isArray(value) ? value : [value]).map(linkKey).filter((k): k is string => k !== null);
    return list.length ? list.sort() : null;
  }
  if (Array.isArray(value)) {
    const list = value.map((v) => normaliseCaseValue(field, v));
    return list.length ? list : null;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([key]) => key !== 'id' && key !== '__component')
      .map(([key, v]) => [key, normaliseCaseValue(key, v)] as const)
      .filter(([, v]) => v !== null)
      .sort(([a], [b]) => a.localeCompare(b));
    return Object.fromEntries(entries);
  }
  return typeof value === 'string' ? value.trim() : value;
}

/** FNV-1a over the normalised value: enough to tell a change, and it keeps no text (no names). */
function fingerprint(value: unknown): string {
  const text = JSON.stringify(value);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${hash.toString(16)}:${text.length}`;
}

export type CaseContentSnapshot = Partial<Record<CaseContentField, string>>;

/**
 * What a methodist saw, as a fingerprint per field: the snapshot is stored with the case, and a case's
 * authors must not be readable from it.
 */
export function caseContentSnapshot(content: Readonly<Record<string, unknown>>): CaseContentSnapshot {
  return Object.fromEntries(
    caseContentFields.map((f) => [f, fingerprint(normaliseCaseValue(f, content[f]))]),
  );
}

/** Content fields of `current` that differ from the snapshot taken at the last approval. */
export function changedSinceSnapshot(
  snapshot: Readonly<Record<string, unknown>>,
  current: Readonly<Record<string, unknown>>,
): CaseContentField[] {
  const now = caseContentSnapshot(current);
  return caseContentFields.filter((f) => snapshot[f] !== now[f]);
}

/** Content fields that `data` (a write, or the current case) sets to something other than `before`. */
export function changedCaseFields(
  before: Readonly<Record<string, unknown>>,
  data: Readonly<Record<string, unknown>>,
): CaseContentField[] {
  return caseContentFields.filter((field) => {
    if (!(field in data)) return false;
    const value = data[field];
    if (isRelationEdit(value)) {
      if (value.set)
        return (
          JSON.stringify(normaliseCaseValue(field, value.set)) !==
          JSON.stringify(normaliseCaseValue(field, before[field]))
        );
      return (value.connect?.length ?? 0) + (value.disconnect?.length ?? 0) > 0;
    }
    return (
      JSON.stringify(normaliseCaseValue(field, value)) !==
      JSON.stringify(normaliseCaseValue(field, before[field]))
    );
  });
}

/**
 * The review state a write leaves a case in, when the write itself does not say: an approved case
 * whose content changes goes back to review, so it cannot be published again unseen.
 */
interface AuthorLike {
  name?: unknown;
  authorRole?: unknown;
  publicationConsent?: unknown;
}

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
const authorKey = (a: AuthorLike) => JSON.stringify([text(a.name), text(a.authorRole)]);

/**
 * Whether a new author list only takes names off the public page: every author it keeps was there
 * before with the same name and role, and has publication consent only if it had it before; none is
 * added or renamed. A withdrawal must reach the public pages at once, so it needs no new review.
 */
export function onlyWithdrawsAuthors(before: unknown, after: unknown): boolean {
  if (!Array.isArray(after)) return false;
  const previous = (Array.isArray(before) ? before : []).filter(
    (a): a is AuthorLike => typeof a === 'object' && a !== null,
  );
  const unused = [...previous];
  for (const item of after) {
    if (typeof item !== 'object' || item === null) return false;
    const author = item as AuthorLike;
    const index = unused.findIndex(
      (p) =>
        authorKey(p) === authorKey(author) &&
        (author.publicationConsent !== true || p.publicationConsent === true),
    );
    if (index < 0) return false;
    unused.splice(index, 1);
  }
  return true;
}

export function reviewStateAfterEdit(
  storedState: unknown,
  requestedState: unknown,
  changed: readonly CaseContentField[],
): CaseReviewState | undefined {
  if (requestedState !== undefined) return undefined;
  return storedState === 'approved' && changed.length > 0 ? 'submitted' : undefined;
}
