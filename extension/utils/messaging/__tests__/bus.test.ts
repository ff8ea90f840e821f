import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createMessageListener, type Handlers, type Identity, MessageError, senderContext } from '../bus.js';

const own: Identity = { runtimeId: 'ext-id', extensionBase: 'chrome-extension://ext-id/' };

// The fake browser makes a tab of the full `Tab` type; only whether a sender has one matters here.
const pageTab = await fakeBrowser.tabs.create({ url: 'https://school.example/' });

const panel = { id: 'ext-id', url: 'chrome-extension://ext-id/sidepanel.html' };
const content = { id: 'ext-id', url: 'https://school.example/', tab: pageTab, frameId: 0 };

describe('senderContext', () => {
  it.each([
    [panel, 'panel'],
    [{ ...panel, tab: pageTab }, 'panel'],
    [{ id: 'ext-id', url: 'chrome-extension://ext-id/background.js' }, 'background'],
    [content, 'content'],
    [{ ...content, frameId: 4 }, null],
    [{ ...panel, id: 'other-extension' }, null],
    [{ id: 'ext-id', url: 'chrome-extension://ext-id/unknown.html' }, null],
    [{ id: 'ext-id', url: 'https://evil.example/' }, null],
    [{ id: 'ext-id' }, null],
  ] as const)('%j → %s', (sender, expected) => {
    expect(senderContext(sender, own)).toBe(expected);
  });
});

function envelope(type: string, payload: unknown) {
  return { tag: 'nastavnik/1', type, payload };
}

function call(listener: ReturnType<typeof createMessageListener>, message: unknown, sender: object) {
  return new Promise<unknown>((resolve) => {
    const handled = listener(message, sender, resolve);
    if (handled !== true) resolve('not handled');
  });
}

function contentHandlers(overrides: Partial<Handlers<'content'>> = {}): Handlers<'content'> {
  return {
    'content.ping': vi.fn(() => Promise.resolve({ ready: true as const })),
    'content.detect': vi.fn(() =>
      Promise.resolve({
        url: 'https://school.example/',
        title: 'Школа',
        offers: [],
        failures: [],
        elapsedMs: 1,
      }),
    ),
    'content.extract': vi.fn(() => Promise.reject(new Error('should not run'))),
    ...overrides,
  };
}

describe('createMessageListener', () => {
  it('answers a valid message from an allowed sender with validated data', async () => {
    const handlers = contentHandlers();
    const listener = createMessageListener('content', handlers, () => own);
    await expect(call(listener, envelope('content.detect', {}), panel)).resolves.toEqual({
      ok: true,
      data: { url: 'https://school.example/', title: 'Школа', offers: [], failures: [], elapsedMs: 1 },
    });
  });

  it('refuses senders that may not send the message, without running the handler', async () => {
    const handlers = contentHandlers();
    const listener = createMessageListener('content', handlers, () => own);
    for (const sender of [
      content,
      { ...panel, id: 'other' },
      { id: 'ext-id', url: 'https://evil.example/' },
    ]) {
      await expect(call(listener, envelope('content.detect', {}), sender)).resolves.toMatchObject({
        ok: false,
        error: { code: 'forbidden_sender' },
      });
    }
    expect(handlers['content.detect']).not.toHaveBeenCalled();
  });

  it('refuses payloads that do not match the schema', async () => {
    const handlers = contentHandlers();
    const listener = createMessageListener('content', handlers, () => own);
    const bad = [
      envelope('content.extract', { adapterId: 'Bad Id' }),
      envelope('content.detect', { extra: true }),
    ];
    for (const message of bad) {
      await expect(call(listener, message, panel)).resolves.toMatchObject({
        ok: false,
        error: { code: 'invalid_request' },
      });
    }
    expect(handlers['content.extract']).not.toHaveBeenCalled();
  });

  it('ignores foreign, unknown and other-context messages so other listeners may answer', async () => {
    const listener = createMessageListener('content', contentHandlers(), () => own);
    await expect(call(listener, { type: 'content.detect' }, panel)).resolves.toBe('not handled');
    await expect(call(listener, envelope('nope', {}), panel)).resolves.toBe('not handled');
    await expect(call(listener, envelope('__proto__', {}), panel)).resolves.toBe('not handled');
    await expect(call(listener, envelope('queue.flush', {}), panel)).resolves.toBe('not handled');
  });

  it('never passes a handler bug message on, and refuses an invalid handler result', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const broken = contentHandlers({
      'content.ping': () =>
        Promise.reject(new TypeError("Cannot read properties of undefined (reading 'x')")),
      // Well typed, but outside the schema: a clock that went backwards.
      'content.detect': () =>
        Promise.resolve({
          url: 'https://school.example/',
          title: 'Школа',
          offers: [],
          failures: [],
          elapsedMs: -1,
        }),
    });
    const listener = createMessageListener('content', broken, () => own);
    await expect(call(listener, envelope('content.ping', {}), panel)).resolves.toEqual({
      ok: false,
      error: { code: 'internal', message: 'Непредвиденная ошибка расширения. Попробуйте ещё раз.' },
    });
    await expect(call(listener, envelope('content.detect', {}), panel)).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid_response' },
    });
    expect(logged).toHaveBeenCalledOnce();
    logged.mockRestore();
  });

  it('refuses a handler that throws at once just as one that rejects, keeping its message for the user', async () => {
    const throwing = contentHandlers({
      'content.extract': () => {
        throw new MessageError('no_table', 'На странице нет таблицы с данными.');
      },
    });
    const listener = createMessageListener('content', throwing, () => own);
    await expect(
      call(listener, envelope('content.extract', { adapterId: 'generic-table' }), panel),
    ).resolves.toEqual({
      ok: false,
      error: { code: 'no_table', message: 'На странице нет таблицы с данными.' },
    });
  });
});
