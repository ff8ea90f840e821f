// @vitest-environment node
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { extractResponseSchema, detectResponseSchema } from '../../messaging/registry.js';
import { loadDocument } from '../../adapters/__tests__/load-fixture.js';
import { contentHandlers } from '../handlers.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '../../adapters/__fixtures__');
const URL_7A = 'https://school1.example/classes/7a';
const sender = { id: 'ext-id' };

describe('content handlers', () => {
  const doc = loadDocument(readFileSync(join(fixtures, 'generic-table/class-list.html'), 'utf8'), URL_7A);
  const handlers = contentHandlers(doc, () => URL_7A);

  it('lists what the page offers, best first, in the registry shape', async () => {
    const detected = detectResponseSchema.parse(await handlers['content.detect']({}, sender));
    expect(detected.offers.map((offer) => offer.adapterId)).toEqual(['generic-table', 'site-audit']);
    expect(detected.failures).toEqual([]);
  });

  it('extracts with the chosen adapter and answers in the registry shape', async () => {
    const extracted = await handlers['content.extract']({ adapterId: 'generic-table' }, sender);
    const checked = extractResponseSchema.parse(extracted);
    expect(checked.payload?.kind).toBe('roster');
    expect(checked.table?.roles).toContain('full_name');
  });

  it('refuses an unknown adapter in Russian', () => {
    expect(() => handlers['content.extract']({ adapterId: 'no-such-adapter' }, sender)).toThrow(
      'Неизвестный способ захвата',
    );
  });

  it('explains a page where the chosen adapter finds nothing, naming the adapter', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const empty = loadDocument(
      '<!doctype html><title>Пусто</title><p>Нет таблиц</p>',
      'https://school.example/',
    );
    const onEmpty = contentHandlers(empty, () => 'https://school.example/');
    expect(() => onEmpty['content.extract']({ adapterId: 'generic-table' }, sender)).toThrow(
      'Обработчик «Таблица на странице» не смог прочитать страницу. На странице нет таблицы с данными.',
    );
    const blank = loadDocument('<!doctype html><title>Пусто</title><body></body>', 'https://school.example/');
    const onBlank = contentHandlers(blank, () => 'https://school.example/');
    expect(() => onBlank['content.extract']({ adapterId: 'article' }, sender)).toThrow(
      /связный текст|не осталось текста/,
    );
    expect(logged).toHaveBeenCalledTimes(2);
    logged.mockRestore();
  });
});
