/**
 * Stored values that a release renamed, rewritten at every start (idempotent: once rewritten, nothing
 * matches the old value any more). Through the query engine, so SQLite and PostgreSQL behave alike.
 */
import type { Strapi } from '../types.js';

interface RenamedValues {
  uid: string;
  field: string;
  /** old value → new value */
  values: Readonly<Record<string, string>>;
}

const RENAMED: readonly RenamedValues[] = [
  {
    // Teacher groups A–D were once labelled by invented meanings; they are now the career periods of
    // seed 004. Each old value goes to the period its old label described: a young specialist is in the
    // pre-professional period, a teacher new to a post or in difficulty is a professional, an
    // experienced teacher ready to mentor is a super-professional.
    uid: 'plugin::nastavnik.person',
    field: 'teacherGroup',
    values: { A: 'pre_professional', B: 'professional', C: 'professional', D: 'super_professional' },
  },
];

export async function migrateStoredValues(strapi: Strapi): Promise<void> {
  for (const { uid, field, values } of RENAMED) {
    for (const [from, to] of Object.entries(values)) {
      const { count } = await strapi.db
        .query(uid)
        .updateMany({ where: { [field]: from }, data: { [field]: to } });
      if (count) strapi.log.info(`Nastavnik: ${uid}.${field} «${from}» → «${to}» (${count})`);
    }
  }
}
