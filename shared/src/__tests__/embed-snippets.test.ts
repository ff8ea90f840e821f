import { describe, expect, it } from 'vitest';
import { embedSnippets } from '../embed-snippets.js';

describe('embed snippets', () => {
  it('point the iframe at the embedded page and the script at the listener, one line each', () => {
    const s = embedSnippets('https://cms.example.ru/nastavnichestvo/', 'school-1', 'Школа № 1');
    expect(s.page).toBe('https://cms.example.ru/nastavnichestvo/school-1/');
    expect(s.iframe).toBe(
      '<iframe data-nastavnik-embed src="https://cms.example.ru/nastavnichestvo/school-1/?embed=1" ' +
        'title="Наставничество — Школа № 1" width="100%" height="600" loading="lazy"></iframe>' +
        '<script src="https://cms.example.ru/nastavnichestvo/embed.js" async></script>',
    );
    expect(s.script).toBe(
      '<script src="https://cms.example.ru/nastavnichestvo/embed.js" data-nastavnik-section="school-1" ' +
        'data-title="Наставничество — Школа № 1" async></script>',
    );
    for (const snippet of [s.iframe, s.script]) expect(snippet).not.toContain('\n');
  });

  it('escapes a name that would break out of the attribute', () => {
    const s = embedSnippets('https://x.ru/n', 'a', 'Школа "Свет" <b>&');
    expect(s.script).toContain('data-title="Наставничество — Школа &quot;Свет&quot; &lt;b&gt;&amp;"');
    expect(s.iframe).not.toContain('<b>');
  });
});
