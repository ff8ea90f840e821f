/**
 * Embedding and previewing the public section: the embedded page runs only the site's own height
 * reporter (no inline script anywhere) and may be framed by the configured origins; Strapi's Preview
 * opens a draft through a signed link, a tampered link is refused, and drafts stay hidden otherwise.
 */
import { describe, expect, it, inject } from 'vitest';
import { adminCall, adminToken } from '../harness/admin-api.js';
import { dataOf, gql, jwtOf } from '../harness/graphql.js';

const base = () => inject('strapiUrl');
const SECTION = '/nastavnichestvo/bor-demo-school/';

const scriptsOf = (html: string) => [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);

describe('embedding', () => {
  it('serves the host-page script and the frame script, and the iframe page names only them', async () => {
    const embedJs = await fetch(`${base()}/nastavnichestvo/embed.js`);
    expect(embedJs.status).toBe(200);
    expect(embedJs.headers.get('content-type')).toContain('javascript');
    const source = await embedJs.text();
    expect(source).toContain('nastavnik:height');
    expect(source).toContain('event.origin !== origin');

    const page = await fetch(`${base()}${SECTION}?embed=1`);
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toMatch(/frame-ancestors 'self' https:\/\/embed\.test/);
    const html = await page.text();
    const scripts = scriptsOf(html);
    expect(scripts).toHaveLength(1);
    const src = /src="([^"]+)"/.exec(scripts[0] ?? '')?.[1] ?? '';
    expect(src).toMatch(/^\/nastavnichestvo\/assets\/frame-[0-9a-f]{12}\.js$/);
    const frame = await fetch(`${base()}${src}`);
    expect(await frame.text()).toContain("window.parent.postMessage({ type: 'nastavnik:height'");
    // Links and the section's forms keep the embedded mode; the copy is not indexed.
    expect(html).toContain(`href="${SECTION}novosti/?embed=1"`);
    expect(html).toContain('<meta name="robots" content="noindex, follow"/>');
    const search = await (await fetch(`${base()}${SECTION}luchshie-praktiki/?embed=1`)).text();
    expect(search).toContain('<input type="hidden" name="embed" value="1"/>');
  });

  it('keeps ordinary pages script-free and framed only by the site itself', async () => {
    for (const path of [SECTION, `${SECTION}dorozhnaya-karta/`, `${SECTION}stat-uchastnikom/`]) {
      const res = await fetch(`${base()}${path}`);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("default-src 'none'");
      expect(csp, path).not.toContain('script-src');
      expect(csp, path).toMatch(/frame-ancestors 'self'$/);
      expect(scriptsOf(await res.text()), path).toEqual([]);
    }
  });
});

async function draftCase(title: string, slug: string) {
  const created = await gql<{ createNastavnikCase: { documentId: string } }>(
    `mutation($data: NastavnikCaseInput!) { createNastavnikCase(data: $data, status: DRAFT) { documentId } }`,
    { data: { title, slug, summary: 'Черновик для предпросмотра.', reviewState: 'draft' } },
    jwtOf('demoCurator'),
  );
  return dataOf(created).createNastavnikCase.documentId;
}

const previewUrlOf = (admin: Parameters<typeof adminToken>[0], documentId: string) =>
  adminCall<{ data?: { url?: string } }>(
    adminToken(admin),
    `/content-manager/preview/url/plugin::nastavnik.case?documentId=${documentId}&status=draft`,
  );

describe('preview of drafts', () => {
  it('opens a draft through the signed link, refuses a tampered one, and never shows it otherwise', async () => {
    const id = await draftCase('Предпросмотр: черновик кейса', 'preview-draft');
    const answer = await previewUrlOf('demoEditorAdmin', id);
    expect(answer.status).toBe(200);
    const url = answer.body.data?.url ?? '';
    expect(url).toMatch(/^\/nastavnichestvo\/bor-demo-school\/luchshie-praktiki\/preview-draft\/\?preview=/);

    const shown = await fetch(`${base()}${url}`);
    expect(shown.status).toBe(200);
    expect(shown.headers.get('cache-control')).toBe('no-store');
    const html = await shown.text();
    expect(html).toContain('<h1>Предпросмотр: черновик кейса</h1>');
    expect(html).toContain('Предпросмотр черновика');

    const token = decodeURIComponent(url.split('preview=')[1] ?? '');
    const [type, documentId, expires, signature] = token.split('.');
    const tampered = [
      `${type}.${documentId}.${String(Number(expires) + 3_600_000)}.${signature}`,
      `news-item.${documentId}.${expires}.${signature}`,
      `${type}.${documentId}.${expires}.${(signature ?? '').slice(1)}x`,
      'garbage',
    ];
    for (const bad of tampered) {
      const res = await fetch(
        `${base()}/nastavnichestvo/bor-demo-school/luchshie-praktiki/preview-draft/?preview=${encodeURIComponent(bad)}`,
      );
      expect(res.status, bad).toBe(403);
      const text = await res.text();
      expect(text).toContain('Ссылка предпросмотра недействительна');
      expect(text).not.toContain('Предпросмотр: черновик кейса');
    }

    // Without the link the draft is nowhere: its page, the library, the section.
    const plain = await fetch(`${base()}/nastavnichestvo/bor-demo-school/luchshie-praktiki/preview-draft/`);
    expect(plain.status).toBe(404);
    for (const path of [SECTION, `${SECTION}luchshie-praktiki/`, '/nastavnichestvo/sitemap.xml'])
      expect(await (await fetch(`${base()}${path}`)).text(), path).not.toContain('Предпросмотр: черновик');
  });

  it('gives a link only to an admin who may read the document', async () => {
    const id = await draftCase('Предпросмотр: чужой черновик', 'preview-foreign');
    const foreign = await previewUrlOf('samaraEditorAdmin', id);
    expect(foreign.status).toBe(204);
    expect(foreign.body.data?.url).toBeUndefined();
  });
});
