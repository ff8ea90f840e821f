import { describe, expect, it } from 'vitest';
import { MAX_ROADMAP_FILE_BYTES } from '../file';
import { fetchRoadmapFile, fileNameOf, isRoadmapDocumentLink } from '../link';

const respond =
  (body: BodyInit | null, init: ResponseInit = {}): typeof fetch =>
  () =>
    Promise.resolve(new Response(body, init));

describe('road maps linked from a page', () => {
  it.each([
    ['https://school.example/docs/dorozhnaya-karta.pdf', true],
    ['https://school.example/docs/Plan.DOCX?v=2', true],
    ['https://school.example/nastavnichestvo/', false],
    ['https://school.example/docs/plan.pdf.html', false],
    ['не ссылка', false],
  ])('%s is a document the import reads: %s', (href, expected) => {
    expect(isRoadmapDocumentLink(href)).toBe(expected);
  });

  it('names the file as the server does, else by its path', () => {
    expect(
      fileNameOf('https://s.example/f/1', "attachment; filename*=UTF-8''%D0%BA%D0%B0%D1%80%D1%82%D0%B0.pdf"),
    ).toBe('карта.pdf');
    expect(fileNameOf('https://s.example/f/1', 'attachment; filename="plan.pdf"')).toBe('plan.pdf');
    expect(fileNameOf('https://s.example/docs/%D0%BF%D0%BB%D0%B0%D0%BD.pdf', null)).toBe('план.pdf');
  });

  it('fetches the file with its name and bytes', async () => {
    const file = await fetchRoadmapFile(
      'https://s.example/docs/plan.pdf',
      respond(new Uint8Array([0x25, 0x50, 0x44, 0x46]), { headers: { 'content-type': 'application/pdf' } }),
    );
    expect(file.name).toBe('plan.pdf');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(new Uint8Array([0x25, 0x50, 0x44, 0x46]));
  });

  it('says in Russian why a file could not be had', async () => {
    await expect(fetchRoadmapFile('https://s.example/a.pdf', respond(null, { status: 404 }))).rejects.toThrow(
      /сайт ответил ошибкой 404/,
    );
    await expect(
      fetchRoadmapFile('https://s.example/a.pdf', () => Promise.reject(new TypeError('Failed to fetch'))),
    ).rejects.toThrow(/сайт не ответил/);
    await expect(
      fetchRoadmapFile(
        'https://s.example/a.pdf',
        respond('x', { headers: { 'content-length': String(MAX_ROADMAP_FILE_BYTES + 1) } }),
      ),
    ).rejects.toThrow(/не больше 17 МБ/);
  });
});
