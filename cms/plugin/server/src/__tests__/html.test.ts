/** The server side of the one HTML policy: what survives sanitising, whoever wrote the HTML. */
import { describe, expect, it } from 'vitest';
import { htmlPolicy, isAllowedUrl } from '@nastavnik/shared';
import { sanitizeHtmlWith } from '../html.js';

describe('sanitizeHtmlWith', () => {
  it.each([
    ['<p>текст<script>alert(1)</script></p>', '<p>текст</p>'],
    ['<img src="x" onerror="alert(1)">', ''],
    ['<a href="javascript:alert(1)">ссылка</a>', '<a>ссылка</a>'],
    ['<a href="//evil.example/">ссылка</a>', '<a>ссылка</a>'],
    ['<p style="color:red" class="x" id="y">абзац</p>', '<p>абзац</p>'],
    ['<iframe src="https://evil.example/"></iframe><p>после</p>', '<p>после</p>'],
  ])('removes what the policy does not allow: %s', (html, expected) => {
    expect(sanitizeHtmlWith('richText', html)).toBe(expected);
  });

  it('keeps allowed markup and marks every kept link', () => {
    expect(
      sanitizeHtmlWith('richText', '<p><a href="https://school.example/" title="Сайт">сайт</a></p>'),
    ).toBe(
      '<p><a href="https://school.example/" title="Сайт" rel="noopener noreferrer nofollow">сайт</a></p>',
    );
    expect(sanitizeHtmlWith('richText', '<img src="https://school.example/a.jpg" alt="Фото">')).toBe(
      '<img src="https://school.example/a.jpg" alt="Фото" />',
    );
  });

  it('keeps a table with merged cells in both profiles, column groups only in tables', () => {
    const table = '<table><colgroup><col span="2"></colgroup><tr><td colspan="2">1</td></tr></table>';
    expect(sanitizeHtmlWith('table', table)).toBe(table.replace('<col span="2">', '<col span="2" />'));
    expect(sanitizeHtmlWith('richText', table)).toBe('<table><tr><td colspan="2">1</td></tr></table>');
  });

  it('allows exactly the tags of the shared policy', () => {
    for (const profile of ['richText', 'table'] as const) {
      for (const tag of htmlPolicy[profile].tags) {
        const html =
          tag === 'br' || tag === 'hr' || tag === 'img' || tag === 'col' ? '' : `<${tag}>x</${tag}>`;
        if (html) expect(sanitizeHtmlWith(profile, html), `${profile} <${tag}>`).toContain(`<${tag}>`);
      }
    }
  });
});

describe('isAllowedUrl', () => {
  it.each([
    ['href', 'https://a.example/', true],
    ['href', 'mailto:curator@school.example', true],
    ['href', '#top', true],
    ['href', '/uploads/order.pdf', true],
    ['href', '//a.example/', false],
    ['href', 'javascript:alert(1)', false],
    ['href', 'data:text/html,x', false],
    ['src', 'mailto:x@y.z', false],
    ['src', 'https://a.example/a.png', true],
  ] as const)('%s=%s → %s', (attribute, value, allowed) => {
    expect(isAllowedUrl(attribute, value)).toBe(allowed);
  });
});
