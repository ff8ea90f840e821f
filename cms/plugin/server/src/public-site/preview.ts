/**
 * Strapi 5 Preview for the public pages: the Content Manager asks the host's preview handler
 * (`config/admin.ts`) for the address of a document's page, and the plugin answers with the page's
 * address carrying a signed, expiring token for that one document. Only a page opened with a valid
 * token shows that document's draft; an expired, altered or foreign token is refused with 403, and
 * without a token drafts are never shown. The handler reads the document as the signed-in admin
 * account, so an editor gets links only for documents of their own organisations.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Strapi } from '../types.js';

/** How long a preview link opens the draft. */
export const PREVIEW_TTL_MS = 30 * 60 * 1000;

/** Types with a page of their own, and where that page is below the organisation's section. */
const PAGES = {
  'plugin::nastavnik.site-section': () => '',
  'plugin::nastavnik.case': (doc: { slug?: string | null; documentId: string }) =>
    `luchshie-praktiki/${encodeURIComponent(doc.slug || doc.documentId)}/`,
  'plugin::nastavnik.news-item': () => 'novosti/',
  'plugin::nastavnik.programme': () => 'programmy/',
  // A road map's own version page: the organisation's current one may be another version.
  'plugin::nastavnik.roadmap': (doc: { documentId: string }) =>
    `dorozhnaya-karta/${encodeURIComponent(doc.documentId)}/`,
} as const;

type PreviewUid = keyof typeof PAGES;
const isPreviewUid = (uid: string): uid is PreviewUid => uid in PAGES;

export interface PreviewGrant {
  uid: PreviewUid;
  documentId: string;
}

/** The signing key, derived from the app's first key. */
export function previewKey(strapi: Strapi): string {
  const keys = strapi.config.get<string[] | string | undefined>('server.app.keys');
  const first = Array.isArray(keys) ? keys[0] : keys;
  if (!first) throw new Error('server.app.keys is not configured');
  // A key of its own, so a preview token can never pass for the join form's token or the reverse.
  return createHmac('sha256', first).update('nastavnik-preview').digest('base64url');
}

const sign = (key: string, payload: string) => createHmac('sha256', key).update(payload).digest('base64url');

/** `<type>.<documentId>.<expires>.<signature>`: what the page needs, and proof the admin issued it. */
export function previewToken(key: string, grant: PreviewGrant, now = Date.now()): string {
  const payload = `${grant.uid.replace('plugin::nastavnik.', '')}.${grant.documentId}.${String(now + PREVIEW_TTL_MS)}`;
  return `${payload}.${sign(key, payload)}`;
}

export type PreviewCheck = { ok: true; grant: PreviewGrant } | { ok: false; reason: 'expired' | 'invalid' };

export function checkPreviewToken(key: string, token: string, now = Date.now()): PreviewCheck {
  const parts = token.split('.');
  if (parts.length !== 4) return { ok: false, reason: 'invalid' };
  const [type = '', documentId = '', expires = '', signature = ''] = parts;
  const expected = Buffer.from(sign(key, `${type}.${documentId}.${expires}`));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    return { ok: false, reason: 'invalid' };
  const uid = `plugin::nastavnik.${type}`;
  if (!isPreviewUid(uid) || !documentId) return { ok: false, reason: 'invalid' };
  if (!(Number(expires) > now)) return { ok: false, reason: 'expired' };
  return { ok: true, grant: { uid, documentId } };
}

const previewing = new AsyncLocalStorage<PreviewGrant>();

/** Run a page's reads so that the previewed document is read as its draft (see tenancy/middleware). */
export const withPreview = <T>(grant: PreviewGrant, fn: () => Promise<T>) => previewing.run(grant, fn);

/** The document being previewed while a preview page renders, if any. */
export const currentPreview = (): PreviewGrant | undefined => previewing.getStore();

/**
 * The Content Manager's preview address of a document, or undefined for a type without a page (the
 * Preview button then stays hidden). Read with the caller's rights: no access, no link.
 */
export async function previewUrl(strapi: Strapi, uid: string, documentId: string, prefix: string) {
  if (!isPreviewUid(uid)) return undefined;
  const doc = (await strapi.documents(uid).findOne({
    documentId,
    status: 'draft',
    populate: { organisation: { fields: ['slug'] } },
  })) as { documentId: string; slug?: string | null; organisation?: { slug?: string | null } | null } | null;
  const organisation = doc?.organisation?.slug;
  if (!doc || !organisation) return undefined;
  const token = previewToken(previewKey(strapi), { uid, documentId });
  return `${prefix}/${organisation}/${PAGES[uid](doc)}?preview=${encodeURIComponent(token)}`;
}
