// @vitest-environment node
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Adapter, AdapterError, isHttpPage } from '../contract.js';
import { adapters } from '../index.js';
import { detectOffers, runExtraction } from '../run.js';
import { loadDocument } from './load-fixture.js';

const URL_7A = new URL('https://school1.example/classes/7a');
const classList = readFileSync(
  join(dirname(fileURLToPath(import.meta.url)), '../__fixtures__/generic-table/class-list.html'),
  'utf8',
);

function brokenAdapter(failure: unknown): Adapter {
  return {
    id: 'broken-journal',
    label: 'Сломанный журнал',
    matches: isHttpPage,
    detect: () => {
      throw failure;
    },
    extract: () => {
      throw failure;
    },
  };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('detectOffers', () => {
  it('logs a throwing adapter once, reports it by id and keeps the other adapters’ offers', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const bug = new TypeError("Cannot read properties of null (reading 'rows')");
    const doc = loadDocument(classList, URL_7A.href);

    const detected = detectOffers(doc, URL_7A, [brokenAdapter(bug), ...adapters]);

    expect(detected.offers.map((offer) => offer.adapterId)).toEqual(['generic-table', 'site-audit']);
    expect(detected.failures).toEqual([
      {
        adapterId: 'broken-journal',
        adapterLabel: 'Сломанный журнал',
        message: "Cannot read properties of null (reading 'rows')",
      },
    ]);
    expect(logged).toHaveBeenCalledOnce();
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('broken-journal'), bug);
  });

  it('reports nothing and logs nothing when every adapter copes', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const detected = detectOffers(loadDocument(classList, URL_7A.href), URL_7A);
    expect(detected.failures).toEqual([]);
    expect(logged).not.toHaveBeenCalled();
  });

  it('gives a Russian reason when the adapter threw something that is not an Error', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const detected = detectOffers(loadDocument(classList, URL_7A.href), URL_7A, [brokenAdapter('oops')]);
    expect(detected.failures[0]?.message).toBe('Непредвиденная ошибка.');
  });
});

describe('runExtraction', () => {
  const doc = loadDocument('<!doctype html><title>Пусто</title>', 'https://school.example/');
  const url = new URL('https://school.example/');

  it('names the adapter, keeps the original error as the cause and logs it with its stack', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const bug = new TypeError("Cannot read properties of undefined (reading 'cells')");

    const thrown = catchError(() => runExtraction(brokenAdapter(bug), doc, url));

    expect(thrown).toBeInstanceOf(AdapterError);
    expect(thrown.message).toBe(
      'Обработчик «Сломанный журнал» не смог прочитать страницу. Её устройство не похоже на ожидаемое.',
    );
    expect(thrown.cause).toBe(bug);
    expect(logged).toHaveBeenCalledOnce();
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('broken-journal'), bug);
  });

  it('passes an adapter’s own Russian explanation on, naming the adapter', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const explained = new AdapterError('На странице нет таблицы с данными.');

    const thrown = catchError(() => runExtraction(brokenAdapter(explained), doc, url));

    expect(thrown.message).toBe(
      'Обработчик «Сломанный журнал» не смог прочитать страницу. На странице нет таблицы с данными.',
    );
  });
});

function catchError(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`expected an Error, got ${String(error)}`);
  }
  throw new Error('expected the call to throw');
}
