// @vitest-environment node
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { looksSanitised } from '@nastavnik/shared/capture';
import { absolutiseUrls, sanitiseArticleHtml, sanitisePreviewHtml, sanitiseTableHtml } from '../sanitize.js';

const { window } = new JSDOM('<!doctype html><html><body></body></html>', {
  url: 'https://school.example/news/1',
});

const HOSTILE = [
  '<script>alert(1)</script><p>текст</p>',
  '<img src=x onerror="alert(1)"><p>текст</p>',
  '<a href="javascript:alert(1)">ссылка</a>',
  '<a href="  JaVaScRiPt:alert(1)">ссылка</a>',
  '<a href="data:text/html,<script>alert(1)</script>">ссылка</a>',
  '<iframe src="https://evil.example"></iframe><p>текст</p>',
  '<svg><script>alert(1)</script></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<form action="https://evil.example"><input name="password"></form>',
  '<p style="background:url(javascript:alert(1))" onclick="x()">текст</p>',
  '<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=https://evil.example">',
  '<div data-x="1" class="c" id="i" aria-label="a">текст</div>',
];

describe('sanitisers', () => {
  it.each(HOSTILE)('strip everything active from %s', (html) => {
    for (const clean of [
      sanitiseArticleHtml(html, window),
      sanitiseTableHtml(html, window),
      sanitisePreviewHtml(html, window),
    ]) {
      expect(clean).not.toMatch(
        /<script|onerror|onclick|javascript:|<iframe|<form|<input|<base|<meta|<svg|<math|style=|data-x|class=|id=/i,
      );
      expect(looksSanitised(clean)).toBe(true);
    }
  });

  it('keeps the structure of a road-map table', () => {
    const html = '<table><tr><td colspan="2"><ol><li>пункт</li></ol></td></tr></table>';
    expect(sanitiseTableHtml(html, window)).toBe(
      '<table><tbody><tr><td colspan="2"><ol><li>пункт</li></ol></td></tr></tbody></table>',
    );
  });

  it('drops images without an http(s) source and keeps safe ones', () => {
    expect(
      sanitiseArticleHtml(
        '<img src="data:image/png;base64,AAAA"><img src="https://s.example/a.jpg" alt="фото">',
        window,
      ),
    ).toBe('<img src="https://s.example/a.jpg" alt="фото">');
  });

  it('opens preview links in a new tab', () => {
    expect(sanitisePreviewHtml('<a href="https://s.example/">сайт</a>', window)).toBe(
      '<a href="https://s.example/" rel="noopener noreferrer nofollow" target="_blank">сайт</a>',
    );
  });

  it('makes relative links absolute before sanitising', () => {
    const element = window.document.createElement('div');
    element.innerHTML = '<a href="/docs/a.pdf">док</a><a href="#top">верх</a><img src="img/1.png">';
    absolutiseUrls(element, 'https://school.example/section/page');
    expect(element.innerHTML).toBe(
      '<a href="https://school.example/docs/a.pdf">док</a><a href="#top">верх</a><img src="https://school.example/section/img/1.png">',
    );
  });
});
