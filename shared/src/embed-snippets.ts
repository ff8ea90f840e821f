/**
 * The two ways a school puts its «Наставничество» section on its own website, as the admin shows them
 * for copying: an `<iframe>` that sizes itself (with the plugin's small listener script) and a one-line
 * `<script>` that inserts that iframe. `base` is the section's public mount point, e.g.
 * `https://cms.example.ru/nastavnichestvo`.
 */
const attribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export interface EmbedSnippets {
  /** The section's page itself. */
  page: string;
  iframe: string;
  script: string;
}

export function embedSnippets(base: string, slug: string, organisationName: string): EmbedSnippets {
  const root = base.replace(/\/+$/, '');
  const page = `${root}/${encodeURIComponent(slug)}/`;
  const title = attribute(`Наставничество — ${organisationName}`);
  return {
    page,
    iframe:
      `<iframe data-nastavnik-embed src="${attribute(`${page}?embed=1`)}" title="${title}" ` +
      // Attributes, not a style attribute: a school site whose policy forbids inline styles keeps them;
      // the listener script removes the border and sets the height.
      `width="100%" height="600" loading="lazy"></iframe>` +
      `<script src="${attribute(`${root}/embed.js`)}" async></script>`,
    script: `<script src="${attribute(`${root}/embed.js`)}" data-nastavnik-section="${attribute(slug)}" data-title="${title}" async></script>`,
  };
}
