/**
 * Withdrawal of consent, beyond the person record itself (which the personal-data rule anonymises):
 *
 * - Where the person's name was written as text that visitors see — case authors, the curator contact of
 *   a section, road-map responsibles and working groups — it is replaced at once, in drafts and published
 *   versions alike, and the public page cache is invalidated.
 * - The withdrawal is appended to a ledger kept outside the database (CONSENT_LEDGER_FILE, one JSON line
 *   each: the person's documentId and the moment, no personal data). A backup taken before the withdrawal
 *   still holds the person; `npm run restore` applies every withdrawal of the ledger again, so restoring
 *   an old backup never brings a person back. The ledger must survive what the database may lose: keep it
 *   on other storage than the database, and shared by every instance when there are several.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ANONYMISED_NAME, personNamePattern, withoutPersonName } from '@nastavnik/shared';
import { bumpVersion } from '../public-site/cache.js';
import type { Row, Strapi } from '../types.js';

const PERSON = 'plugin::nastavnik.person';

export interface WithdrawnPerson {
  fullName?: string | null;
  email?: string | null;
  phone?: string | null;
}

export interface LedgerEntry {
  person: string;
  withdrawnAt: string;
}

/** The person as it was just before the withdrawal, keyed by the write's data (read back after the write). */
const pending = new WeakMap<object, WithdrawnPerson>();
/** People whose withdrawal is being re-applied from the ledger: already recorded there. */
const reapplying = new Set<string>();

export function noteWithdrawal(data: object, before: WithdrawnPerson) {
  pending.set(data, before);
}

export function ledgerPath(strapi: Strapi): string {
  const configured = strapi.config.get<string>('plugin::nastavnik.consentLedgerFile', '');
  return configured || path.join(strapi.dirs.app.root, 'consent-ledger', 'withdrawals.jsonl');
}

export function readLedger(file: string): LedgerEntry[] {
  if (!existsSync(file)) return [];
  const entries: LedgerEntry[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const parsed = JSON.parse(line) as Partial<LedgerEntry>;
    if (typeof parsed.person === 'string' && typeof parsed.withdrawnAt === 'string')
      entries.push({ person: parsed.person, withdrawnAt: parsed.withdrawnAt });
  }
  return entries;
}

/** After the person's write committed: record the withdrawal and remove the name from public text. */
export async function afterWithdrawal(
  strapi: Strapi,
  data: object,
  documentId: string | undefined,
  withdrawnAt: string,
) {
  const before = pending.get(data);
  if (!before || !documentId) return;
  pending.delete(data);
  if (!reapplying.has(documentId)) {
    const file = ledgerPath(strapi);
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    appendFileSync(file, `${JSON.stringify({ person: documentId, withdrawnAt })}\n`, { mode: 0o600 });
  }
  await forgetPublicly(strapi, before);
}

type ComponentRow = Record<string, unknown> & { id: number };

/**
 * Rows of a type or component (every copy: drafts, published versions, every parent) whose `field` names
 * the person. Filtered here, not in SQL: SQLite folds no Cyrillic case and ё is е to a reader. Only the id
 * and the one field are read, and a withdrawal is rare.
 */
async function rowsNaming(strapi: Strapi, uid: string, field: string, fullName: string, also: string[] = []) {
  if (!personNamePattern(fullName)) return [];
  const rows = (await strapi.db.query(uid).findMany({
    select: ['id', field, ...also],
    where: { [field]: { $notNull: true } },
  })) as ComponentRow[];
  return rows.filter((r) => {
    const text = r[field];
    return typeof text === 'string' && withoutPersonName(text, fullName) !== undefined;
  });
}

/**
 * Removes the person from every text that visitors see. Exact contact details (e-mail, phone) of a curator
 * contact are removed with the name; other public text (news, case bodies) is the author's to edit.
 */
export async function forgetPublicly(strapi: Strapi, person: WithdrawnPerson) {
  const fullName = person.fullName?.trim();
  let changed = 0;
  if (fullName && fullName !== ANONYMISED_NAME) {
    for (const row of await rowsNaming(strapi, 'nastavnik.case-author', 'name', fullName)) {
      await strapi.db.query('nastavnik.case-author').update({
        where: { id: row.id },
        data: { name: ANONYMISED_NAME, publicationConsent: false },
      });
      changed += 1;
    }
    for (const row of await rowsNaming(strapi, 'nastavnik.working-group-member', 'name', fullName)) {
      await strapi.db.query('nastavnik.working-group-member').update({
        where: { id: row.id },
        data: { name: ANONYMISED_NAME },
      });
      changed += 1;
    }
    const activities = await rowsNaming(
      strapi,
      'plugin::nastavnik.roadmap-activity',
      'responsibleText',
      fullName,
      ['responsible'],
    );
    for (const row of activities) {
      await strapi.db.query('plugin::nastavnik.roadmap-activity').update({
        where: { id: row.id },
        data: {
          responsibleText: withoutPersonName(String(row.responsibleText), fullName),
          responsible: withoutNameInJson(row.responsible, fullName),
        },
      });
      changed += 1;
    }
  }
  const contacts = new Map<number, ComponentRow>();
  if (fullName && fullName !== ANONYMISED_NAME)
    for (const row of await rowsNaming(strapi, 'nastavnik.contact', 'name', fullName))
      contacts.set(row.id, row);
  for (const [field, value] of [
    ['email', person.email],
    ['phone', person.phone],
  ] as const) {
    if (!value?.trim()) continue;
    const rows = (await strapi.db.query('nastavnik.contact').findMany({
      where: { [field]: { $eqi: value.trim() } },
    })) as ComponentRow[];
    for (const row of rows) contacts.set(row.id, row);
  }
  for (const row of contacts.values()) {
    await strapi.db.query('nastavnik.contact').update({
      where: { id: row.id },
      data: { name: null, phone: null, email: null, position: null, publicationConsent: false },
    });
    changed += 1;
  }
  // Written past the document service: the public pages learn of it from the version counter.
  if (changed) await bumpVersion(strapi);
  return changed;
}

/** The parsed responsibles (JSON) with the person's name replaced wherever a string holds it. */
function withoutNameInJson(value: unknown, fullName: string): unknown {
  if (typeof value === 'string') return withoutPersonName(value, fullName) ?? value;
  if (Array.isArray(value)) return value.map((v) => withoutNameInJson(v, fullName));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutNameInJson(v, fullName)]));
  return value;
}

/**
 * The person's document service as this file uses it: the generated input type of a component field is
 * not seen by every project that compiles this file (the tests'), the write goes through the same rules.
 */
interface PersonDocuments {
  update(params: { documentId: string; data: Record<string, unknown> }): Promise<unknown>;
}
const personDocuments = (strapi: Strapi) => strapi.documents(PERSON) as unknown as PersonDocuments;

interface StoredConsent {
  givenBy?: 'self' | 'legal_representative' | null;
  withdrawnAt?: string | null;
}

/**
 * Applies every withdrawal of the ledger (and of `extraLedger`) to the people in the database who still
 * hold their data: after a restore from a backup older than the withdrawal. Returns how many were applied.
 */
export async function reapplyWithdrawals(strapi: Strapi, extraLedger?: string): Promise<number> {
  const entries = [ledgerPath(strapi), extraLedger]
    .filter((f): f is string => !!f)
    .flatMap((f) => readLedger(f));
  const earliest = new Map<string, string>();
  for (const e of entries) {
    const known = earliest.get(e.person);
    if (!known || e.withdrawnAt < known) earliest.set(e.person, e.withdrawnAt);
  }
  let applied = 0;
  for (const [documentId, withdrawnAt] of earliest) {
    const person = (await strapi.db.query(PERSON).findOne({
      where: { documentId },
      select: ['documentId', 'anonymised'],
      populate: { consent: true },
    })) as (Row & { anonymised?: boolean; consent?: StoredConsent | null }) | null;
    if (!person || person.anonymised) continue;
    reapplying.add(documentId);
    try {
      // The same write as a curator's withdrawal: the personal-data rule anonymises, afterWrite forgets.
      await personDocuments(strapi).update({
        documentId,
        data: { consent: { givenBy: person.consent?.givenBy ?? 'self', processing: false, withdrawnAt } },
      });
    } finally {
      reapplying.delete(documentId);
    }
    applied += 1;
  }
  return applied;
}
