/**
 * Sending and receiving the messages declared in the registry. Every hop validates: the sender
 * checks the request before sending and the response after receiving; the receiver checks the
 * envelope, that the message is addressed to it, that the sender is this extension in an allowed
 * context, and the payload. Anything else gets a refusal, never a handler call.
 */
import { z } from 'zod';
import { browser, type Browser } from 'wxt/browser';
import {
  type Context,
  messages,
  type MessagesTo,
  type MessageType,
  type RequestOf,
  type ResponseOf,
} from './registry.js';

const ENVELOPE_TAG = 'nastavnik/1';

const envelopeSchema = z.object({
  tag: z.literal(ENVELOPE_TAG),
  type: z.string().max(100),
  payload: z.unknown(),
});

const replySchema = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({
    ok: z.literal(false),
    error: z.object({ code: z.string().max(100), message: z.string().max(2000) }),
  }),
]);
type Reply = z.infer<typeof replySchema>;

export class MessageError extends Error {
  override readonly name = 'MessageError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

// Errors whose messages were written for the user; anything else is a bug and gets a generic sentence.
const USER_FACING_ERRORS = new Set(['AdapterError', 'ApiFailure', 'MessageError']);

function toReplyError(error: unknown): { code: string; message: string } {
  if (error instanceof Error && USER_FACING_ERRORS.has(error.name)) {
    const code = 'kind' in error ? String(error.kind) : 'code' in error ? String(error.code) : error.name;
    return { code, message: error.message.slice(0, 2000) };
  }
  console.error('[nastavnik] handler failed', error);
  return { code: 'internal', message: 'Непредвиденная ошибка расширения. Попробуйте ещё раз.' };
}

export type Sender = Pick<Browser.runtime.MessageSender, 'id' | 'url' | 'tab' | 'frameId'>;

export interface Identity {
  runtimeId: string;
  /** `chrome-extension://<id>/` or `moz-extension://<uuid>/`. */
  extensionBase: string;
}

function identity(): Identity {
  return { runtimeId: browser.runtime.id, extensionBase: browser.runtime.getURL('/') };
}

/** Which of our contexts a sender is, or null when it is not ours (or not one we know). */
export function senderContext(sender: Sender, own: Identity): Context | null {
  if (sender.id !== own.runtimeId) return null;
  const url = sender.url ?? '';
  const fromExtensionPage = url.startsWith(own.extensionBase);
  if (sender.tab && !fromExtensionPage) {
    // Content scripts run in the top frame only; a frame of a page is not where the user asked.
    return sender.frameId === undefined || sender.frameId === 0 ? 'content' : null;
  }
  if (!fromExtensionPage) return null;
  const path = new URL(url).pathname;
  if (path === '/sidepanel.html') return 'panel';
  if (path === '/background.js' || path === '/_generated_background_page.html') return 'background';
  return null;
}

function envelope<T extends MessageType>(type: T, payload: RequestOf<T>) {
  const parsed = messages[type].request.safeParse(payload);
  if (!parsed.success)
    throw new MessageError('invalid_request', 'Внутренняя ошибка: неверный запрос к расширению.');
  return { tag: ENVELOPE_TAG, type, payload: parsed.data };
}

function unwrap<T extends MessageType>(type: T, raw: unknown): ResponseOf<T> {
  const reply = replySchema.safeParse(raw);
  if (!reply.success) throw new MessageError('no_reply', 'Расширение не получило ответа от страницы.');
  if (!reply.data.ok) throw new MessageError(reply.data.error.code, reply.data.error.message);
  const data = messages[type].response.safeParse(reply.data.data);
  if (!data.success)
    throw new MessageError('invalid_response', 'Получены данные неверного вида; они не будут использованы.');
  return data.data as ResponseOf<T>;
}

export async function sendToTab<T extends MessagesTo<'content'>>(
  tabId: number,
  type: T,
  payload: RequestOf<T>,
): Promise<ResponseOf<T>> {
  const raw: unknown = await browser.tabs.sendMessage(tabId, envelope(type, payload), { frameId: 0 });
  return unwrap(type, raw);
}

export async function sendToBackground<T extends MessagesTo<'background'>>(
  type: T,
  payload: RequestOf<T>,
): Promise<ResponseOf<T>> {
  const raw: unknown = await browser.runtime.sendMessage(envelope(type, payload));
  return unwrap(type, raw);
}

/** A handler answers at once or with a promise; a throw is refused like a rejection. */
export type Handlers<C extends Context> = {
  [T in MessagesTo<C>]: (
    payload: z.output<(typeof messages)[T]['request']>,
    sender: Sender,
  ) => ResponseOf<T> | Promise<ResponseOf<T>>;
};

type Listener = (
  message: unknown,
  sender: Sender,
  sendResponse: (reply: Reply) => void,
) => boolean | undefined;

/**
 * A `runtime.onMessage` listener for context `context`. Replies through `sendResponse` (and
 * returns true) because Chrome does not accept a returned promise from every listener.
 */
export function createMessageListener<C extends Context>(
  context: C,
  handlers: Handlers<C>,
  own: () => Identity = identity,
): Listener {
  return (message, sender, sendResponse) => {
    const parsed = envelopeSchema.safeParse(message);
    if (!parsed.success) return undefined;
    const type = parsed.data.type;
    if (!Object.hasOwn(messages, type)) return undefined;
    const spec = messages[type as MessageType];
    if (spec.to !== context) return undefined; // for another context of ours: let it answer
    const reply = (value: Reply): true => {
      sendResponse(value);
      return true;
    };
    const from = senderContext(sender, own());
    if (from === null || !spec.from.includes(from)) {
      return reply({
        ok: false,
        error: { code: 'forbidden_sender', message: 'Сообщение отклонено: неизвестный отправитель.' },
      });
    }
    const payload = spec.request.safeParse(parsed.data.payload);
    if (!payload.success) {
      return reply({
        ok: false,
        error: { code: 'invalid_request', message: 'Сообщение отклонено: неверные данные.' },
      });
    }
    const handler = handlers[type as MessagesTo<C>] as (payload: unknown, sender: Sender) => unknown;
    // Called inside the chain, so that a handler that throws is refused just as one that rejects.
    Promise.resolve(payload.data)
      .then((data) => handler(data, sender))
      .then((data) => {
        const checked = spec.response.safeParse(data);
        sendResponse(
          checked.success
            ? { ok: true, data: checked.data }
            : {
                ok: false,
                error: { code: 'invalid_response', message: 'Внутренняя ошибка: ответ неверного вида.' },
              },
        );
      })
      .catch((error: unknown) => sendResponse({ ok: false, error: toReplyError(error) }));
    return true;
  };
}
