/**
 * The shared HTML policy applied on the server with sanitize-html (the extension applies the same
 * policy with DOMPurify before anything leaves a page; this is the last word, whatever the source).
 */
import sanitizeHtml from 'sanitize-html';
import { htmlPolicy, isAllowedUrl, LINK_REL, type HtmlProfile } from '@nastavnik/shared';

function keepAllowedUrls(tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  const kept: sanitizeHtml.Attributes = {};
  for (const [name, value] of Object.entries(attribs)) {
    if ((name === 'href' || name === 'src') && !isAllowedUrl(name, value)) continue;
    kept[name] = value;
  }
  if (tagName === 'a' && kept.href) kept.rel = LINK_REL;
  return { tagName, attribs: kept };
}

const options: Record<HtmlProfile, sanitizeHtml.IOptions> = {
  richText: optionsFor('richText'),
  table: optionsFor('table'),
};

function optionsFor(profile: HtmlProfile): sanitizeHtml.IOptions {
  const policy = htmlPolicy[profile];
  const attributes = Object.fromEntries(
    Object.entries(policy.attributes).map(([tag, names]) => [
      tag,
      tag === 'a' ? [...names, 'rel'] : [...names],
    ]),
  );
  return {
    allowedTags: [...policy.tags],
    allowedAttributes: attributes,
    // The policy's URL check decides; sanitize-html's own scheme list only has to let it through.
    allowedSchemes: ['http', 'https', 'mailto', 'tel'],
    allowProtocolRelative: false,
    transformTags: { a: keepAllowedUrls, img: keepAllowedUrls },
    exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
  };
}

export const sanitizeHtmlWith = (profile: HtmlProfile, html: string): string =>
  sanitizeHtml(html, options[profile]);
