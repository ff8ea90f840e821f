/**
 * The plugin's admin-panel screens over their admin routes (/nastavnik/...), as the screens call them:
 * the overview of what needs attention, the road-map import (the same handler as the REST import) and
 * the methodists' review of cases, each inside the account's organisation scope.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { AdminKpiOverview, KpiReport } from '@nastavnik/shared';
import { signInAdmin } from '../harness/admin-fixtures.js';
import { adminCall, adminToken, seededOrganisation } from '../harness/admin-api.js';
import { jwtOf } from '../harness/graphql.js';

const url = inject('strapiUrl');

interface Overview {
  role: string;
  roadmaps: Array<{ organisation: string; total: number; done: number; overdue: number }>;
  casesAwaitingReview: Array<{ documentId: string; title: string }>;
  awaitingConsent: number | null;
  overdue: unknown[];
  kpiReports: AdminKpiOverview[];
}

let superToken = '';
const cases: Record<string, string> = {};

async function createCase(title: string, organisation: string, reviewState = 'submitted') {
  const res = await adminCall<{ data: { documentId: string } }>(
    superToken,
    '/content-manager/collection-types/plugin::nastavnik.case',
    { method: 'POST', body: { title, organisation, reviewState, summary: 'Кратко о практике' } },
  );
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data.documentId;
}

beforeAll(async () => {
  superToken = await signInAdmin(url, 'admin@test.local', 'TestAdmin1pass');
  cases.demo = await createCase('Практика демонстрационной школы', seededOrganisation('bor-demo-school'));
  cases.demoReturn = await createCase('Практика, которую вернут', seededOrganisation('bor-demo-school'));
  cases.kamensk = await createCase('Практика Каменска', seededOrganisation('kamensk-school-40'));
});

describe('the overview', () => {
  it('shows a municipal methodist the road maps and cases of the schools below, without people', async () => {
    const { status, body } = await adminCall<Overview>(
      adminToken('borMethodistAdmin'),
      '/nastavnik/overview',
    );
    expect(status).toBe(200);
    expect(body.role).toBe('methodist');
    expect(body.roadmaps.length).toBeGreaterThan(0);
    const titles = body.casesAwaitingReview.map((c) => c.title);
    expect(titles).toContain('Практика демонстрационной школы');
    expect(titles).not.toContain('Практика Каменска');
    expect(body.awaitingConsent).toBeNull();
  });

  it('counts people awaiting consent for a curator', async () => {
    const { body } = await adminCall<Overview>(adminToken('demoCuratorAdmin'), '/nastavnik/overview');
    expect(body.role).toBe('curator');
    expect(typeof body.awaitingConsent).toBe('number');
  });

  it('refuses a request without an admin session', async () => {
    expect((await fetch(`${url}/nastavnik/overview`)).status).toBe(401);
  });

  it('shows the KPIs of the account’s organisation over its subtree, as the KPI API computes them', async () => {
    const { body } = await adminCall<Overview>(adminToken('borMethodistAdmin'), '/nastavnik/overview');
    expect(body.kpiReports.map((r) => r.organisation)).toEqual([seededOrganisation('bor-uoimp')]);
    const [shown] = body.kpiReports;
    expect(shown?.downloads).toBe(true);
    const res = await fetch(
      `${url}/api/nastavnik/kpi/${seededOrganisation('bor-uoimp')}?year=${String(shown?.year)}`,
      {
        headers: { authorization: `Bearer ${jwtOf('borMethodist')}` },
      },
    );
    const api = (await res.json()) as KpiReport;
    const figures = (r: KpiReport) => r.rows.map((row) => [row.title, row.target, row.bound, row.rollup]);
    expect(shown && figures(shown)).toEqual(figures(api));
    expect(shown?.rows.length).toBeGreaterThan(0);
    // An editor reads the figures but gets no reports.
    const editor = await adminCall<Overview>(adminToken('demoEditorAdmin'), '/nastavnik/overview');
    expect(editor.body.kpiReports[0]?.downloads).toBe(false);
  });

  it('downloads the participant counts and the analytic note in one click, within the account’s scope', async () => {
    const download = (token: string, organisation: string, path: string) =>
      fetch(`${url}/nastavnik/kpi/${organisation}/${path}?year=2025`, {
        headers: { authorization: `Bearer ${token}` },
      });
    const bor = seededOrganisation('bor-uoimp');
    const xlsx = await download(adminToken('borMethodistAdmin'), bor, 'participants');
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-disposition')).toContain('uchastniki-');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    expect(workbook.worksheets[0]?.name).toBe('1. Итого');
    // A methodist gets the roll-up only: no list of people.
    expect(workbook.getWorksheet('Участники')).toBeUndefined();
    const docx = await download(adminToken('borMethodistAdmin'), bor, 'note');
    expect(docx.status).toBe(200);
    const xml = await (
      await JSZip.loadAsync(await docx.arrayBuffer())
    )
      .file('word/document.xml')
      ?.async('string');
    expect(xml).toContain('Аналитическая справка');
    // Outside the account's subtree, for an editor, and without a session: refused.
    expect(
      (await download(adminToken('borMethodistAdmin'), seededOrganisation('kamensk-school-40'), 'note'))
        .status,
    ).toBe(403);
    expect(
      (await download(adminToken('demoEditorAdmin'), seededOrganisation('bor-demo-school'), 'note')).status,
    ).toBe(403);
    expect((await fetch(`${url}/nastavnik/kpi/${bor}/note`)).status).toBe(401);
  });
});

describe('the road-map import screen', () => {
  it("offers only the account's organisations", async () => {
    const { body } = await adminCall<Array<{ documentId: string }>>(
      adminToken('borMethodistAdmin'),
      '/nastavnik/organisations',
    );
    const ids = body.map((o) => o.documentId);
    expect(ids).toEqual(
      expect.arrayContaining([seededOrganisation('bor-uoimp'), seededOrganisation('bor-demo-school')]),
    );
    expect(ids).not.toContain(seededOrganisation('kamensk-school-40'));
  });

  async function importAs(token: string, organisation: string, dryRun: boolean) {
    const exported = await fetch(
      `${url}/api/nastavnik/roadmaps/${await publishedRoadmapOf('privolzhye-school-3')}/export?format=docx`,
    );
    const form = new FormData();
    form.append('organisation', organisation);
    form.append('dryRun', String(dryRun));
    form.append('onDuplicate', 'new_version');
    form.append('file', new Blob([await exported.arrayBuffer()]), 'karta.docx');
    const res = await fetch(`${url}/nastavnik/roadmaps/import`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${token}` },
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  it('previews and then writes a DOCX for a school below the methodist', async () => {
    const activities = async () =>
      (
        await adminCall<{ pagination: { total: number } }>(
          superToken,
          '/content-manager/collection-types/plugin::nastavnik.roadmap-activity?page=1&pageSize=1',
        )
      ).body.pagination.total;
    const activitiesBefore = await activities();
    const preview = await importAs(
      adminToken('borMethodistAdmin'),
      seededOrganisation('bor-demo-school'),
      true,
    );
    expect(preview.status, JSON.stringify(preview.body).slice(0, 300)).toBe(200);
    expect(preview.body).toMatchObject({ ok: true, format: 'docx' });
    expect(preview.body.activitiesCount).toBeGreaterThan(5);
    const written = await importAs(
      adminToken('borMethodistAdmin'),
      seededOrganisation('bor-demo-school'),
      false,
    );
    expect(written.status, JSON.stringify(written.body).slice(0, 300)).toBe(200);
    const id = written.body.roadmapDocumentId as string;
    const stored = await adminCall<{ data: { title: string } }>(
      superToken,
      `/content-manager/collection-types/plugin::nastavnik.roadmap/${id}`,
    );
    expect(stored.body.data.title).toBeTruthy();
    // The demo school's current road map is the public pages' (public-site.test.ts): leave it as seeded.
    const removed = await adminCall(
      superToken,
      `/content-manager/collection-types/plugin::nastavnik.roadmap/${id}`,
      { method: 'DELETE' },
    );
    expect(removed.status).toBe(200);
    // Its activities went with it: none is left behind without a road map.
    expect(await activities()).toBe(activitiesBefore);
  });

  it("refuses an editor and another region's organisation, writing nothing", async () => {
    const count = async () =>
      (
        await adminCall<{ pagination: { total: number } }>(
          superToken,
          '/content-manager/collection-types/plugin::nastavnik.roadmap?page=1&pageSize=1',
        )
      ).body.pagination.total;
    const before = await count();
    const editor = await importAs(
      adminToken('demoEditorAdmin'),
      seededOrganisation('bor-demo-school'),
      false,
    );
    expect(editor.status).toBe(403);
    const foreign = await importAs(
      adminToken('borMethodistAdmin'),
      seededOrganisation('kamensk-school-40'),
      false,
    );
    expect(foreign.status).toBe(403);
    expect(await count()).toBe(before);
  });
});

describe('the review of cases', () => {
  it("lists the cases submitted in the methodist's tree", async () => {
    const { status, body } = await adminCall<
      Array<{ documentId: string; organisation: string; firstReview: boolean; changedFields: string[] }>
    >(adminToken('borMethodistAdmin'), '/nastavnik/cases/review');
    expect(status).toBe(200);
    const ids = body.map((c) => c.documentId);
    expect(ids).toEqual(expect.arrayContaining([cases.demo, cases.demoReturn]));
    expect(ids).not.toContain(cases.kamensk);
    // Never approved before, so nothing to compare with: the same queue as nastavnikCaseReviewQueue.
    const demo = body.find((c) => c.documentId === cases.demo);
    expect(demo).toMatchObject({ firstReview: true, changedFields: [] });
  });

  it('approves a case', async () => {
    const { status, body } = await adminCall<{ reviewState: string }>(
      adminToken('borMethodistAdmin'),
      `/nastavnik/cases/${cases.demo}/review`,
      { method: 'POST', body: { decision: 'approve' } },
    );
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body.reviewState).toBe('approved');
  });

  it('returns a case only with a comment, which the author then reads', async () => {
    const bare = await adminCall<{ error: { message: string } }>(
      adminToken('borMethodistAdmin'),
      `/nastavnik/cases/${cases.demoReturn}/review`,
      { method: 'POST', body: { decision: 'return', comment: '  ' } },
    );
    expect(bare.status).toBe(400);
    expect(bare.body.error.message).toContain('Напишите, что нужно исправить');
    const returned = await adminCall<{ reviewState: string; reviewerNote: string }>(
      adminToken('borMethodistAdmin'),
      `/nastavnik/cases/${cases.demoReturn}/review`,
      { method: 'POST', body: { decision: 'return', comment: 'Добавьте результаты за год.' } },
    );
    expect(returned.body).toMatchObject({
      reviewState: 'changes_requested',
      reviewerNote: 'Добавьте результаты за год.',
    });
  });

  it("refuses an editor's decision and a case outside the tree", async () => {
    const other = await createCase('Ещё одна практика', seededOrganisation('bor-demo-school'));
    const editor = await adminCall(adminToken('demoEditorAdmin'), `/nastavnik/cases/${other}/review`, {
      method: 'POST',
      body: { decision: 'approve' },
    });
    expect(editor.status).toBe(403);
    const foreign = await adminCall(
      adminToken('borMethodistAdmin'),
      `/nastavnik/cases/${cases.kamensk}/review`,
      {
        method: 'POST',
        body: { decision: 'approve' },
      },
    );
    expect(foreign.status).toBe(404);
  });
});

async function publishedRoadmapOf(slug: string) {
  const res = await fetch(
    `${url}/api/nastavnik/roadmaps?filters[organisation][slug][$eq]=${slug}&fields[0]=documentId`,
  );
  const body = (await res.json()) as { data: Array<{ documentId: string }> };
  const id = body.data[0]?.documentId;
  if (!id) throw new Error(`Нет опубликованной дорожной карты ${slug}`);
  return id;
}
