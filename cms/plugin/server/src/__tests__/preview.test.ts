import { describe, expect, it } from 'vitest';
import { checkPreviewToken, PREVIEW_TTL_MS, previewToken } from '../public-site/preview.js';

const KEY = 'test-key';
const grant = { uid: 'plugin::nastavnik.case', documentId: 'abc123' } as const;

describe('preview tokens', () => {
  it('open the one document they were issued for until they expire', () => {
    const issued = 1_700_000_000_000;
    const token = previewToken(KEY, grant, issued);
    expect(checkPreviewToken(KEY, token, issued + 1000)).toEqual({ ok: true, grant });
    expect(checkPreviewToken(KEY, token, issued + PREVIEW_TTL_MS - 1).ok).toBe(true);
    expect(checkPreviewToken(KEY, token, issued + PREVIEW_TTL_MS)).toEqual({ ok: false, reason: 'expired' });
  });

  it('are refused when signed with another key or altered in any part', () => {
    const token = previewToken(KEY, grant);
    expect(checkPreviewToken('other-key', token)).toEqual({ ok: false, reason: 'invalid' });
    const [type, id, expires, signature] = token.split('.');
    for (const bad of [
      `${type}.other.${expires}.${signature}`,
      `site-section.${id}.${expires}.${signature}`,
      `${type}.${id}.${String(Number(expires) + 1)}.${signature}`,
      `${type}.${id}.${expires}`,
      '',
    ])
      expect(checkPreviewToken(KEY, bad), bad).toEqual({ ok: false, reason: 'invalid' });
  });

  it('are refused for a type that has no page, even when correctly signed', () => {
    const token = previewToken(KEY, { uid: 'plugin::nastavnik.person' as typeof grant.uid, documentId: 'x' });
    expect(checkPreviewToken(KEY, token)).toEqual({ ok: false, reason: 'invalid' });
  });
});
