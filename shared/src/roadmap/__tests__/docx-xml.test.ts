/**
 * The lean DOCX reader's HTML for hand-written WordprocessingML, one test per concern of the
 * converter, so a change to how it keeps its state shows up here before it reaches an import.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { docxToHtmlFast } from '../docx-xml.js';

const WORD_TYPES =
  '<Types><Override ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';

const NUMBERING = `<w:numbering xmlns:w="w">
  <w:abstractNum w:abstractNumId="1">
    <w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/></w:lvl>
    <w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>`;

async function docx(body: string, types = WORD_TYPES): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', types);
  zip.file(
    'word/document.xml',
    `<w:document xmlns:w="w" xmlns:mc="mc"><w:body>${body}</w:body></w:document>`,
  );
  zip.file('word/numbering.xml', NUMBERING);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

const p = (inner: string, props = '') => `<w:p>${props && `<w:pPr>${props}</w:pPr>`}${inner}</w:p>`;
const r = (text: string, props = '') =>
  `<w:r>${props && `<w:rPr>${props}</w:rPr>`}<w:t xml:space="preserve">${text}</w:t></w:r>`;
const item = (text: string, level = 0) =>
  p(r(text), `<w:numPr><w:ilvl w:val="${level}"/><w:numId w:val="1"/></w:numPr>`);

const html = async (body: string) => docxToHtmlFast(await docx(body));
const page = (inner: string) => `<html><body>${inner}</body></html>`;

describe('docxToHtmlFast', () => {
  it('writes runs with their formatting, escaped text, tabs and line breaks', async () => {
    expect(
      await html(
        p(
          r('plain') +
            r('bold', '<w:b/>') +
            r('both', '<w:b/><w:i/>') +
            r('off', '<w:b w:val="0"/><w:i w:val="false"/>') +
            r('a &amp; &lt;b&gt;') +
            '<w:r><w:t>x</w:t><w:tab/><w:t>y</w:t><w:br/></w:r>',
        ),
      ),
    ).toBe(page('<p>plain<b>bold</b><b><i>both</i></b>offa &amp; &lt;b&gt;x y<br></p>'));
  });

  it('makes a paragraph in a heading or title style bold', async () => {
    expect(
      await html(
        p(r('Раздел'), '<w:pStyle w:val="Heading1"/>') +
          p(r('Заголовок'), '<w:pStyle w:val="Заголовок2"/>') +
          p(r('Текст'), '<w:pStyle w:val="Normal"/>'),
      ),
    ).toBe(page('<p><b>Раздел</b></p><p><b>Заголовок</b></p><p>Текст</p>'));
  });

  it('numbers list items per level and restarts after a paragraph that is not an item', async () => {
    expect(
      await html(item('один') + item('два') + item('пункт', 1) + item('три') + p(r('текст')) + item('снова')),
    ).toBe(page('<p>1. один</p><p>2. два</p><p>- пункт</p><p>3. три</p><p>текст</p><p>1. снова</p>'));
  });

  it('reads a negative list level as the first level instead of failing', async () => {
    expect(await html(item('один', -3) + item('два'))).toBe(page('<p>1. один</p><p>2. два</p>'));
  });

  it('leaves out deleted text, field instructions and alternate-content fallbacks', async () => {
    expect(
      await html(
        p(
          r('виден') +
            `<w:del><w:r><w:delText>удалён</w:delText></w:r></w:del>` +
            `<w:r><w:instrText>HYPERLINK</w:instrText><w:t>ссылка</w:t></w:r>` +
            `<mc:AlternateContent><mc:Choice>${r('выбор')}</mc:Choice><mc:Fallback>${r('запас')}</mc:Fallback></mc:AlternateContent>`,
        ),
      ),
    ).toBe(page('<p>виденссылкавыбор</p>'));
  });

  it('writes merged cells as colspan and rowspan, and tables inside cells', async () => {
    const tc = (inner: string, props = '') => `<w:tc>${props && `<w:tcPr>${props}</w:tcPr>`}${inner}</w:tc>`;
    const body =
      '<w:tbl>' +
      `<w:tr>${tc(p(r('a')))}${tc(p(r('b')), '<w:gridSpan w:val="2"/>')}</w:tr>` +
      `<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc(p(r('m')), '<w:vMerge w:val="restart"/>')}${tc(p(r('c')))}</w:tr>` +
      `<w:tr>${tc(p(r('d')))}${tc(p(''), '<w:vMerge/>')}${tc(`<w:tbl><w:tr>${tc(item('вложена'))}</w:tr></w:tbl>`)}</w:tr>` +
      '</w:tbl>' +
      p(r('после'));
    expect(await html(body)).toBe(
      page(
        '<table><tr><td><p>a</p></td><td colspan="2"><p>b</p></td></tr>' +
          '<tr><td rowspan="2"><p>m</p></td><td><p>c</p></td></tr>' +
          '<tr><td><p>d</p></td><td><table><tr><td><p>1. вложена</p></td></tr></table></td></tr></table>' +
          '<p>после</p>',
      ),
    );
  });

  it('returns null for an archive that is not a Word document', async () => {
    const types =
      '<Types><Override ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>';
    expect(await docxToHtmlFast(await docx(p(r('x')), types))).toBeNull();
  });
});
