/**
 * Fidelity of the road-map import on the corpus of real published road maps (this folder).
 *
 * One implementation, used by both `scripts/fidelity.mjs` (against the built engine) and
 * `corpus.test.ts` (against the source): plain JavaScript so the script can import it without a
 * TypeScript step; its types are in `fidelity.d.mts`.
 *
 * A corpus document is `<nn>-<slug>.txt` (the plan as a tab-separated text export) with
 * `<nn>-<slug>.expected.json` (what the document says, written by reading it) and
 * `<nn>-<slug>.source.txt` (where it was published). See README.md for the reading conventions.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** This folder. */
export const corpusDir = path.dirname(fileURLToPath(import.meta.url));

/** Every corpus document, in file-name order: `{ id, file, text, expected }`. */
export function loadCorpus(dir = corpusDir) {
  return readdirSync(dir)
    .filter((f) => /^\d+-[\w-]+\.txt$/.test(f) && !f.endsWith('.source.txt'))
    .sort()
    .map((file) => {
      const id = file.replace(/\.txt$/, '');
      const expectedFile = path.join(dir, `${id}.expected.json`);
      if (!existsSync(expectedFile)) throw new Error(`corpus: ${id} has no ${id}.expected.json`);
      if (!existsSync(path.join(dir, `${id}.source.txt`)))
        throw new Error(`corpus: ${id} has no ${id}.source.txt`);
      // The same document saved as PDF (npm run fixtures:pdf), read from the PDF itself, and for some
      // the Word document and web page it was rendered as.
      const rendering = (ext) => {
        const f = path.join(dir, `${id}.${ext}`);
        return existsSync(f) ? { [ext]: new Uint8Array(readFileSync(f)) } : {};
      };
      return {
        id,
        file,
        text: readFileSync(path.join(dir, file), 'utf8'),
        ...rendering('pdf'),
        ...rendering('docx'),
        ...rendering('html'),
        expected: JSON.parse(readFileSync(expectedFile, 'utf8')),
      };
    });
}

const windowsKey = (windows) => JSON.stringify((windows ?? []).map((w) => [w.start ?? null, w.end ?? null]));
/**
 * The name a responsible is compared by. The product writes a role's or a body's name with a capital
 * first letter and a person as «Фамилия И.О.» whatever order the document used (that is how people are
 * matched to the staff list), so «педагоги» and «Педагоги», «Н.Е. Байрачный» and «Байрачный Н.Е.» are
 * the same reading. Nothing else is normalised.
 */
function comparableName(kind, name) {
  const text = String(name ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  if (kind === 'person') {
    const initialsFirst = /^((?:[А-ЯЁ]\.\s?){1,2})([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)$/.exec(text);
    const surnameFirst = /^([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)\s+((?:[А-ЯЁ]\.\s?){1,2})$/.exec(text);
    if (initialsFirst) return `${initialsFirst[2]} ${initialsFirst[1].replace(/\s/g, '')}`;
    if (surnameFirst) return `${surnameFirst[1]} ${surnameFirst[2].replace(/\s/g, '')}`;
    return text;
  }
  return text.charAt(0).toLocaleUpperCase('ru') + text.slice(1);
}
const responsiblesKey = (list) =>
  JSON.stringify((list ?? []).map((r) => [r.kind, comparableName(r.kind, r.name)]));
const activityKey = (code, title) => `${code ?? ''}\u0000${title ?? ''}`;

/**
 * Pairs expected activities with the engine's: first the longest common subsequence of equal
 * code+title, then, between two such anchors, one with the same code if there is one, else the
 * next one in order (engine activities skipped over are extra). Returns the pairs
 * (`got` undefined when the engine has no activity left there) and the engine activities no
 * expected one was paired with.
 */
function align(expected, got) {
  const n = expected.length;
  const m = got.length;
  const ek = expected.map((a) => activityKey(a.code, a.title));
  const gk = got.map((a) => activityKey(a.code, a.title));
  const lcs = Array.from({ length: n + 1 }, () => new Array(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i][j] = ek[i] === gk[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const anchors = [];
  for (let i = 0, j = 0; i < n && j < m;) {
    if (ek[i] === gk[j]) {
      anchors.push([i, j]);
      i++;
      j++;
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) i++;
    else j++;
  }
  anchors.push([n, m]);
  const pairs = [];
  const extra = [];
  let i = 0;
  let j = 0;
  for (const [ai, aj] of anchors) {
    // Between anchors: an engine activity with the same code first, else the next one in order.
    while (i < ai) {
      let k = j;
      while (k < aj && (got[k].code ?? '') !== (expected[i].code ?? '')) k++;
      if (k < aj && expected[i].code) {
        while (j < k) extra.push(got[j++]);
      }
      pairs.push({ expected: expected[i], got: j < aj ? got[j] : undefined, exact: false });
      i++;
      if (j < aj) j++;
    }
    while (j < aj) extra.push(got[j++]);
    if (ai < n) pairs.push({ expected: expected[ai], got: got[aj], exact: true });
    i = ai + 1;
    j = aj + 1;
  }
  return { pairs, extra };
}

/**
 * Compares one document's expected activities with the engine's draft activities.
 * `activities` counts the expected activities plus the engine's unpaired extra ones (an invented
 * activity is as wrong as a lost one); `deadlines` and `responsibles` count the expected ones.
 */
export function compareDocument(expectedActivities, gotActivities) {
  const { pairs, extra } = align(expectedActivities, gotActivities);
  const mismatches = [];
  let activitiesExact = 0;
  let deadlinesExact = 0;
  let responsiblesExact = 0;
  pairs.forEach((p, index) => {
    const e = p.expected;
    const g = p.got;
    if (p.exact) activitiesExact++;
    else
      mismatches.push({
        kind: g ? 'activity' : 'missing activity',
        index,
        expected: { code: e.code, title: e.title },
        got: g ? { code: g.code, title: g.title } : null,
      });
    if (!g) return;
    const gw = g.deadline?.windows ?? [];
    if (windowsKey(gw) === windowsKey(e.deadline)) deadlinesExact++;
    else
      mismatches.push({
        kind: 'deadline',
        index,
        text: g.deadline?.text ?? '',
        expected: e.deadline,
        got: gw,
      });
    const gr = (g.responsible?.parsed ?? []).map((r) => ({ kind: r.kind, name: r.name }));
    if (responsiblesKey(gr) === responsiblesKey(e.responsibles)) responsiblesExact++;
    else
      mismatches.push({
        kind: 'responsible',
        index,
        text: g.responsible?.text ?? '',
        expected: e.responsibles,
        got: gr,
      });
  });
  for (const g of extra)
    mismatches.push({
      kind: 'extra activity',
      index: -1,
      expected: null,
      got: { code: g.code, title: g.title },
    });
  return {
    activities_exact: activitiesExact,
    activities: expectedActivities.length + extra.length,
    deadlines_exact: deadlinesExact,
    deadlines: expectedActivities.length,
    responsibles_exact: responsiblesExact,
    responsibles: expectedActivities.length,
    mismatches,
  };
}

/** Sums per-document figures into the one line `npm run fidelity` prints. */
export function summarise(perDocument) {
  const total = {
    documents: perDocument.length,
    activities_exact: 0,
    activities: 0,
    deadlines_exact: 0,
    deadlines: 0,
    responsibles_exact: 0,
    responsibles: 0,
  };
  for (const d of perDocument)
    for (const k of ['activities', 'deadlines', 'responsibles']) {
      total[`${k}_exact`] += d[`${k}_exact`];
      total[k] += d[k];
    }
  return total;
}

/** The share of exact readings per measure (1 when there is nothing to read). */
export function ratios(summary) {
  const r = (exact, all) => (all === 0 ? 1 : exact / all);
  return {
    activities: r(summary.activities_exact, summary.activities),
    deadlines: r(summary.deadlines_exact, summary.deadlines),
    responsibles: r(summary.responsibles_exact, summary.responsibles),
  };
}

/** The renderings a corpus document may have besides its text, each read as a document of its own. */
export const RENDERINGS = ['pdf', 'docx', 'html'];

/**
 * Runs `importRoadmap` (source or built engine) on every document, and on each rendering it has
 * (`<id>.pdf`, `<id>.docx`, `<id>.html`, counted as documents of their own), and compares. A document the
 * engine rejects counts as all-missing. `summary` covers every reading; `pdf`, `docx`, `html` each
 * rendering alone.
 */
export async function measure(importRoadmap, documents = loadCorpus()) {
  const perDocument = [];
  const compare = async (id, input, expected) => {
    const result = await importRoadmap(input);
    const got = result.ok ? result.draft.activities : [];
    perDocument.push({ id, ok: result.ok, ...compareDocument(expected, got) });
  };
  for (const doc of documents) {
    await compare(
      doc.id,
      { data: new TextEncoder().encode(doc.text), filename: doc.file },
      doc.expected.activities,
    );
    for (const ext of RENDERINGS)
      if (doc[ext])
        await compare(
          `${doc.id}.${ext}`,
          { data: doc[ext], filename: `${doc.id}.${ext}` },
          doc.expected.activities,
        );
  }
  const of = (ext) => summarise(perDocument.filter((d) => d.id.endsWith(`.${ext}`)));
  return { perDocument, summary: summarise(perDocument), pdf: of('pdf'), docx: of('docx'), html: of('html') };
}
