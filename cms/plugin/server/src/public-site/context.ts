/**
 * What every template knows about the page being rendered: where the section is mounted, the page's
 * own address, the public origin for canonical links, and the visually-impaired settings (and the
 * embedded mode) that every internal link must carry on.
 */
import { formatVi, type ViSettings } from './settings.js';

export interface PageContext {
  /** Mount point without a trailing slash, e.g. `/nastavnichestvo`. */
  prefix: string;
  /** Scheme and host used for canonical and OpenGraph addresses. */
  origin: string;
  /** The path of this page below the mount point, starting and ending with `/` (`/` for the index). */
  path: string;
  vi: ViSettings | null;
  /** The query string's single values (search words, filters), without `vi`. */
  query: Readonly<Record<string, string>>;
  /** The stylesheet's address, with its content hash so it can be cached for ever. */
  stylesheet: string;
  /** Shown inside an `<iframe>` on the organisation's own site: no site frame, links stay embedded. */
  embed?: boolean;
  /**
   * A page opened through a signed preview link: marked as such, never indexed; `documentId` is the
   * previewed document, shown as its draft and marked where a list shows it among others.
   */
  preview?: { documentId: string };
  /** The embedded page's script that tells the host page its height. */
  frameScript?: string;
}

/** An internal address below the mount point, keeping the visually-impaired version when it is on. */
export function href(ctx: PageContext, path: string, vi: ViSettings | null = ctx.vi): string {
  const params = [vi ? `vi=${formatVi(vi)}` : '', ctx.embed ? 'embed=1' : ''].filter(Boolean);
  return `${ctx.prefix}${path}${params.length ? `?${params.join('&')}` : ''}`;
}

/** The address search engines and social networks should use: the ordinary version, absolute. */
export const canonical = (ctx: PageContext, path = ctx.path) => `${ctx.origin}${ctx.prefix}${path}`;
