/**
 * Road maps in the running product: the five seeds are there, a curator imports a document (dry run,
 * commit, duplicate detection, replace, new version), marks activities done with evidence, sees what
 * is overdue, exports to DOCX/XLSX and back; a methodist sees overdue activities across the municipality.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it, inject } from 'vitest';
import type { RoadmapDraft } from '@nastavnik/shared';
import { dataOf, gql, jwtOf, orgId, query } from '../harness/graphql.js';

const seed = (slug: string) =>
  JSON.parse(readFileSync(new URL(`../../seeds/roadmaps/${slug}.json`, import.meta.url), 'utf8')) as {
    draft: RoadmapDraft;
  };
const SEEDS = [
  'kamensk-school-40',
  'boksitogorsk-dshi',
  'bor-uoimp',
  'nolinsk-polytechnic',
  'privolzhye-school-3',
];
const doc001 = readFileSync(
  new URL('../../seeds/documents/001_fe83f31ea58b8567.txt', import.meta.url),
  'utf8',
);

/** The import's answer as GraphQL gives it: what does not apply to an outcome is null. */
interface ImportAnswer {
  ok: boolean;
  committed: boolean;
  format: string | null;
  warnings: unknown[] | null;
  error: { code: string; message: string } | null;
  duplicateOf: { documentId: string; sameSource: boolean; version: number } | null;
  roadmapDocumentId: string | null;
  version: number | null;
  activitiesCount: number | null;
  kpisCount: number | null;
  draft: RoadmapDraft | null;
}
const IMPORT = query<{ nastavnikImportRoadmap: ImportAnswer }>(
  `mutation($input: NastavnikRoadmapImportInput!) { nastavnikImportRoadmap(input: $input) { ok committed format warnings error duplicateOf roadmapDocumentId version activitiesCount kpisCount draft } }`,
);
interface RoadmapRow {
  documentId: string;
  title: string;
  version: number | null;
  roadmapState: string | null;
}
const importAs = (user: string, input: Record<string, unknown>) =>
  gql(IMPORT, { input: { organisation: orgId('bor-demo-school'), ...input } }, jwtOf(user));
const countRoadmaps = async () =>
  dataOf(
    await gql<{ nastavnikRoadmaps: RoadmapRow[] }>(
      `{ nastavnikRoadmaps(status: DRAFT, pagination: { limit: 100 }) { documentId title version roadmapState } }`,
      {},
      jwtOf('demoCurator'),
    ),
  ).nastavnikRoadmaps;

describe('seeded road maps', () => {
  it.each(SEEDS)('%s is published with every activity and KPI of its document', async (slug) => {
    const expected = seed(slug).draft;
    const res = await gql<{
      nastavnikRoadmaps: Array<{
        title: string;
        activities: Array<{ title: string; deadline: { windows: unknown } | null }>;
      }>;
      nastavnikKpiIndicators: unknown[];
    }>(
      `query($slug: String!) { nastavnikRoadmaps(filters: { organisation: { slug: { eq: $slug } } }) { title approvalOrderNumber activities(pagination: { limit: 500 }) { code title deadlineText deadline responsibleText expectedResult } } nastavnikKpiIndicators(filters: { organisation: { slug: { eq: $slug } } }) { title targets { year value } } }`,
      { slug },
    );
    expect(res.errors).toBeUndefined();
    expect(dataOf(res).nastavnikRoadmaps).toHaveLength(1);
    const roadmap = dataOf(res).nastavnikRoadmaps[0];
    expect(roadmap?.title).toBe(expected.title);
    expect(roadmap?.activities).toHaveLength(expected.activities.length);
    const [first] = expected.activities;
    if (!first) throw new Error(`В посеве ${slug} нет мероприятий`);
    const stored = roadmap?.activities.find((a) => a.title === first.title);
    expect(stored).toMatchObject({
      code: first.code,
      deadlineText: first.deadline.text,
      responsibleText: first.responsible.text,
    });
    expect(stored?.deadline?.windows).toEqual(first.deadline.windows);
    expect(dataOf(res).nastavnikKpiIndicators).toHaveLength(expected.kpis.length);
  });

  it('keeps the approval of document 000', async () => {
    const res = await gql<{ nastavnikRoadmaps: unknown[] }>(
      `{ nastavnikRoadmaps(filters: { organisation: { slug: { eq: "kamensk-school-40" } } }) { approvalOrderNumber approvalDate } }`,
    );
    expect(dataOf(res).nastavnikRoadmaps[0]).toEqual({
      approvalOrderNumber: '285',
      approvalDate: '2020-10-07',
    });
  });
});

describe('importing a road map', () => {
  it('a dry run shows the draft and warnings and writes nothing', async () => {
    const before = (await countRoadmaps()).length;
    const res = await importAs('demoCurator', { text: doc001, filename: '001.txt', dryRun: true });
    expect(res.errors, res.raw).toBeUndefined();
    const r = dataOf(res).nastavnikImportRoadmap;
    expect(r).toMatchObject({ ok: true, committed: false, format: 'text', activitiesCount: 16 });
    expect(r.draft?.activities[0]?.title).toBeTruthy();
    expect(Array.isArray(r.warnings)).toBe(true);
    expect((await countRoadmaps()).length).toBe(before);
  });

  it('commits, detects the same document again, replaces it, or adds a new version', async () => {
    const first = await importAs('demoCurator', { text: doc001, dryRun: false });
    expect(dataOf(first).nastavnikImportRoadmap).toMatchObject({
      ok: true,
      committed: true,
      version: 1,
      activitiesCount: 16,
    });
    const id1 = dataOf(first).nastavnikImportRoadmap.roadmapDocumentId;
    const acts = await gql<{ nastavnikRoadmap: { activities: unknown[] } | null }>(
      `query($id: ID!) { nastavnikRoadmap(documentId: $id, status: DRAFT) { activities(pagination: { limit: 100 }) { documentId } } }`,
      { id: id1 },
      jwtOf('demoCurator'),
    );
    expect(dataOf(acts).nastavnikRoadmap?.activities).toHaveLength(16);

    const again = await importAs('demoCurator', { text: `${doc001}\n\n`, dryRun: false });
    const dup = dataOf(again).nastavnikImportRoadmap;
    expect(dup).toMatchObject({ ok: false, committed: false });
    expect(dup.duplicateOf).toMatchObject({ documentId: id1, sameSource: true, version: 1 });
    expect(dup.error?.message).toContain('уже импортирован');
    const dryDup = await importAs('demoCurator', { text: doc001, dryRun: true });
    expect(dataOf(dryDup).nastavnikImportRoadmap.duplicateOf?.documentId).toBe(id1);

    const replaced = await importAs('demoCurator', { text: doc001, dryRun: false, onDuplicate: 'replace' });
    expect(dataOf(replaced).nastavnikImportRoadmap).toMatchObject({ committed: true, version: 1 });
    const id2 = dataOf(replaced).nastavnikImportRoadmap.roadmapDocumentId;
    expect(id2).not.toBe(id1);
    const old = await gql<{ nastavnikRoadmap: unknown }>(
      `query($id: ID!) { nastavnikRoadmap(documentId: $id, status: DRAFT) { documentId } }`,
      { id: id1 },
      jwtOf('demoCurator'),
    );
    expect(dataOf(old).nastavnikRoadmap).toBeNull();
    const orphans = await gql<{ nastavnikRoadmapActivities: unknown[] }>(
      `{ nastavnikRoadmapActivities(filters: { roadmap: { documentId: { null: true } } }) { documentId } }`,
      {},
      jwtOf('demoCurator'),
    );
    expect(dataOf(orphans).nastavnikRoadmapActivities).toHaveLength(0);

    const versioned = await importAs('demoCurator', {
      text: doc001,
      dryRun: false,
      onDuplicate: 'new_version',
    });
    expect(dataOf(versioned).nastavnikImportRoadmap).toMatchObject({ committed: true, version: 2 });
    const all = (await countRoadmaps()).filter(
      (r) =>
        r.documentId === id2 || r.documentId === dataOf(versioned).nastavnikImportRoadmap.roadmapDocumentId,
    );
    expect(all.map((r) => [r.version, r.roadmapState]).sort()).toEqual([
      [1, 'archived'],
      [2, 'approved'],
    ]);
  });

  it.each([
    ['an empty document', { text: '   ' }, 'empty'],
    [
      'a page without a table',
      { html: '<html><body><h1>Новости</h1><p>Текст</p></body></html>' },
      'no_table',
    ],
    [
      'a DOCX that is not a DOCX',
      {
        fileBase64: Buffer.from('PK\u0003\u0004 definitely not a zip').toString('base64'),
        filename: 'plan.docx',
      },
      'docx_invalid',
    ],
    [
      'a broken PDF',
      { fileBase64: Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj').toString('base64'), filename: 'scan.pdf' },
      'pdf_invalid',
    ],
  ])('%s gets a clear Russian message and nothing is written', async (_name, input, code) => {
    const before = (await countRoadmaps()).length;
    const res = await importAs('demoCurator', { ...input, dryRun: false });
    expect(res.status).toBe(200);
    const r = dataOf(res).nastavnikImportRoadmap;
    expect(r).toMatchObject({ ok: false, committed: false });
    expect(r.error?.code).toBe(code);
    expect(r.error?.message).toMatch(/[А-Яа-я]/);
    expect((await countRoadmaps()).length).toBe(before);
  });

  it('is refused for staff, editors and other organisations', async () => {
    for (const user of ['demoStaff', 'demoEditor']) {
      const res = await importAs(user, { text: doc001, dryRun: true });
      expect(res.errors?.[0]?.extensions?.code, user).toBe('FORBIDDEN');
      expect(res.errors?.[0]?.message).toBe('Импортировать дорожные карты могут куратор и методист.');
    }
    const anonymous = await gql(IMPORT, {
      input: { organisation: orgId('bor-demo-school'), text: doc001, dryRun: true },
    });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const other = await importAs('samaraCurator', { text: doc001, dryRun: true });
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it("links responsible people named in the document to the organisation's people", async () => {
    const person = await gql(
      `mutation { createNastavnikPerson(data: { fullName: "Баева Светлана Николаевна", category: staff, consent: { givenBy: self, processing: true, signedAt: "2025-09-01" } }) { documentId } }`,
      {},
      jwtOf('kamenskCurator'),
    );
    expect(person.errors, person.raw).toBeUndefined();
    const doc000 = readFileSync(
      new URL('../../seeds/documents/000_a5a77a3323ec67d5.txt', import.meta.url),
      'utf8',
    );
    const res = await gql(
      IMPORT,
      {
        input: {
          organisation: orgId('kamensk-school-40'),
          text: doc000,
          dryRun: false,
          onDuplicate: 'new_version',
        },
      },
      jwtOf('kamenskCurator'),
    );
    expect(dataOf(res).nastavnikImportRoadmap.committed, res.raw).toBe(true);
    const acts = await gql<{
      nastavnikRoadmap: {
        activities: Array<{ responsibleText: string | null; responsiblePersons: unknown[] }>;
      } | null;
    }>(
      `query($id: ID!) { nastavnikRoadmap(documentId: $id, status: DRAFT) { activities(pagination: { limit: 100 }) { code responsibleText responsiblePersons { fullName } } } }`,
      { id: dataOf(res).nastavnikImportRoadmap.roadmapDocumentId },
      jwtOf('kamenskCurator'),
    );
    const activities = dataOf(acts).nastavnikRoadmap?.activities ?? [];
    const a = activities.find((x) => x.responsibleText === 'Баева С.Н.');
    expect(a?.responsiblePersons).toEqual([{ fullName: 'Баева Светлана Николаевна' }]);
    const other = activities.find((x) => x.responsibleText === 'Сапельцева О.И.');
    expect(other?.responsiblePersons).toEqual([]);
  });

  it('accepts a DOCX file over REST multipart', async () => {
    const exported = await fetch(
      `${inject('strapiUrl')}/api/nastavnik/roadmaps/${await seededRoadmapId('privolzhye-school-3')}/export?format=docx`,
    );
    const form = new FormData();
    form.append('organisation', orgId('bor-demo-school'));
    form.append('dryRun', 'true');
    form.append('file', new Blob([await exported.arrayBuffer()]), 'karta.docx');
    const res = await fetch(`${inject('strapiUrl')}/api/nastavnik/roadmaps/import`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${jwtOf('demoCurator')}` },
    });
    const body: unknown = await res.json();
    expect(res.status, JSON.stringify(body).slice(0, 300)).toBe(200);
    expect(body).toMatchObject({
      ok: true,
      format: 'docx',
      activitiesCount: seed('privolzhye-school-3').draft.activities.length,
    });
  });
});

describe('importing a road map published as PDF', () => {
  const fixture = (name: string) =>
    readFileSync(new URL(`../../shared/src/roadmap/__tests__/pdf/${name}`, import.meta.url));
  const essentials = (draft: RoadmapDraft | null) =>
    (draft?.activities ?? []).map((a) => [a.code, a.title, a.deadline.text, a.responsible.parsed]);

  it('reads a PDF over GraphQL as it reads the DOCX it was saved from, and commits it', async () => {
    const pdf = await importAs('demoCurator', {
      fileBase64: fixture('seed-001-libreoffice-landscape.pdf').toString('base64'),
      filename: 'дорожная карта.pdf',
      dryRun: true,
    });
    const docx = await importAs('demoCurator', {
      fileBase64: fixture('seed-001-libreoffice-landscape.docx').toString('base64'),
      filename: 'дорожная карта.docx',
      dryRun: true,
    });
    const fromPdf = dataOf(pdf).nastavnikImportRoadmap;
    const fromDocx = dataOf(docx).nastavnikImportRoadmap;
    expect(fromPdf).toMatchObject({ ok: true, committed: false, format: 'pdf' });
    expect(fromPdf.activitiesCount).toBeGreaterThan(10);
    expect(essentials(fromPdf.draft)).toEqual(essentials(fromDocx.draft));

    const before = (await countRoadmaps()).length;
    const committed = dataOf(
      await importAs('demoCurator', {
        fileBase64: fixture('seed-001-libreoffice-landscape.pdf').toString('base64'),
        filename: 'дорожная карта.pdf',
        dryRun: false,
        onDuplicate: 'new_version',
      }),
    ).nastavnikImportRoadmap;
    expect(committed).toMatchObject({ ok: true, committed: true, format: 'pdf' });
    expect((await countRoadmaps()).length).toBe(before + 1);
  });

  it('accepts a PDF over REST multipart', async () => {
    const form = new FormData();
    form.append('organisation', orgId('bor-demo-school'));
    form.append('dryRun', 'true');
    form.append(
      'file',
      new Blob([fixture('seed-002-chromium.pdf')], { type: 'application/pdf' }),
      'plan.pdf',
    );
    const res = await fetch(`${inject('strapiUrl')}/api/nastavnik/roadmaps/import`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${jwtOf('demoCurator')}` },
    });
    const body = (await res.json()) as ImportAnswer;
    expect(res.status, JSON.stringify(body).slice(0, 300)).toBe(200);
    expect(body).toMatchObject({
      ok: true,
      format: 'pdf',
      activitiesCount: seed('bor-uoimp').draft.activities.length,
    });
    // Warnings of a PDF name the page their row is printed on.
    expect((body.warnings as Array<{ page?: number }>).some((w) => (w.page ?? 0) > 1)).toBe(true);
  });
});

async function seededRoadmapId(slug: string): Promise<string> {
  const res = await gql<{ nastavnikRoadmaps: Array<{ documentId: string }> }>(
    `query($slug: String!) { nastavnikRoadmaps(filters: { organisation: { slug: { eq: $slug } } }) { documentId } }`,
    { slug },
  );
  const id = dataOf(res).nastavnikRoadmaps[0]?.documentId;
  if (!id) throw new Error(`Нет опубликованной дорожной карты ${slug}: ${res.raw}`);
  return id;
}

describe('tracking and export', () => {
  it('marks an activity done with evidence; progress and overdue lists follow', async () => {
    const id = await seededRoadmapId('privolzhye-school-3');
    const before = await gql<{
      nastavnikRoadmapProgress: {
        total: number;
        done: number;
        overdueCount: number;
        overdue: Array<{ documentId: string; sortDate: string }>;
      };
    }>(
      `query($id: ID!) { nastavnikRoadmapProgress(documentId: $id) { total done overdueCount overdue { documentId title state sortDate } sections { title total done } } }`,
      { id },
      jwtOf('samaraCurator'),
    );
    expect(before.errors, before.raw).toBeUndefined();
    const p = dataOf(before).nastavnikRoadmapProgress;
    expect(p.total).toBe(28);
    // Every dated activity of a 2021–2022 road map is past by now.
    expect(p.overdueCount).toBeGreaterThan(10);
    const dates = p.overdue.map((a) => a.sortDate);
    expect([...dates].sort()).toEqual(dates);
    const [target] = p.overdue;
    if (!target) throw new Error('Нет просроченных мероприятий');
    const done = await gql(
      `mutation($id: ID!) { updateNastavnikRoadmapActivity(documentId: $id, data: { activityStatus: done, completedAt: "2021-04-01", evidenceLink: "https://school.example/prikaz-12.pdf" }) { activityStatus evidenceLink } }`,
      { id: target.documentId },
      jwtOf('samaraCurator'),
    );
    expect(done.errors, done.raw).toBeUndefined();
    const after = await gql<{
      nastavnikRoadmapProgress: {
        done: number;
        overdueCount: number;
        overdue: Array<{ documentId: string }>;
      };
    }>(
      `query($id: ID!) { nastavnikRoadmapProgress(documentId: $id) { done overdueCount overdue { documentId } } }`,
      { id },
      jwtOf('samaraCurator'),
    );
    expect(dataOf(after).nastavnikRoadmapProgress.done).toBe(p.done + 1);
    expect(dataOf(after).nastavnikRoadmapProgress.overdueCount).toBe(p.overdueCount - 1);
    expect(dataOf(after).nastavnikRoadmapProgress.overdue.map((a) => a.documentId)).not.toContain(
      target.documentId,
    );
  });

  it('a methodist sees overdue activities across the municipality, sorted by date, and nothing outside it', async () => {
    const res = await gql<{
      nastavnikActivityAgenda: {
        overdue: Array<{ sortDate: string; organisation: { documentId: string } | null }>;
      };
    }>(
      `{ nastavnikActivityAgenda { overdue { title sortDate organisation } dueSoon { title } } }`,
      {},
      jwtOf('borMethodist'),
    );
    expect(res.errors, res.raw).toBeUndefined();
    const overdue = dataOf(res).nastavnikActivityAgenda.overdue;
    expect(overdue.length).toBeGreaterThan(5);
    const orgs = new Set(overdue.map((a) => a.organisation?.documentId));
    for (const org of orgs) expect([orgId('bor-uoimp'), orgId('bor-demo-school')]).toContain(org);
    const dates = overdue.map((a) => a.sortDate);
    expect([...dates].sort()).toEqual(dates);
    const other = await gql(
      `{ nastavnikActivityAgenda { overdue { organisation } } }`,
      {},
      jwtOf('samaraMethodist'),
    );
    expect(other.raw).not.toContain(orgId('bor-uoimp'));
    const anonymous = await gql(`{ nastavnikActivityAgenda { overdue { title } } }`);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it.each(['docx', 'xlsx'])('exports a road map to %s', async (format) => {
    const id = await seededRoadmapId('kamensk-school-40');
    const res = await fetch(`${inject('strapiUrl')}/api/nastavnik/roadmaps/${id}/export?format=${format}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain(
      format === 'docx' ? 'wordprocessingml' : 'spreadsheetml',
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b]);
  });

  it('round trip: the exported DOCX imports back to the same activities', async () => {
    const id = await seededRoadmapId('kamensk-school-40');
    const res = await fetch(`${inject('strapiUrl')}/api/nastavnik/roadmaps/${id}/export?format=docx`);
    const fileBase64 = Buffer.from(await res.arrayBuffer()).toString('base64');
    const back = await gql(
      IMPORT,
      {
        input: {
          organisation: orgId('kamensk-school-40'),
          fileBase64,
          filename: 'export.docx',
          dryRun: true,
        },
      },
      jwtOf('kamenskCurator'),
    );
    expect(back.errors, back.raw).toBeUndefined();
    const draft = dataOf(back).nastavnikImportRoadmap.draft;
    const original = seed('kamensk-school-40').draft.activities;
    const summary = (activities: RoadmapDraft['activities']) =>
      activities.map((a) => [a.code, a.title, a.deadline.text, a.responsible.text]);
    expect(summary(draft?.activities ?? [])).toEqual(summary(original));
  });

  it('does not export an unpublished road map to visitors', async () => {
    const draft = await gql<{ createNastavnikRoadmap: { documentId: string } }>(
      `mutation { createNastavnikRoadmap(data: { title: "Черновая карта" }, status: DRAFT) { documentId } }`,
      {},
      jwtOf('demoCurator'),
    );
    const res = await fetch(
      `${inject('strapiUrl')}/api/nastavnik/roadmaps/${dataOf(draft).createNastavnikRoadmap.documentId}/export?format=docx`,
    );
    expect(res.status).toBe(404);
  });
});
