/**
 * Every way a call to the CMS can fail, reduced to what the user and the queue need to know:
 * a Russian sentence, and whether trying again later can help.
 */
import { CombinedGraphQLErrors, ServerError, ServerParseError } from '@apollo/client/errors';

export type FailureKind = 'network' | 'auth' | 'forbidden' | 'invalid' | 'server' | 'unknown';

export class ApiFailure extends Error {
  override readonly name = 'ApiFailure';
  constructor(
    readonly kind: FailureKind,
    message: string,
  ) {
    super(message);
  }

  /** Network trouble and server errors pass; a refused payload or missing rights do not. */
  get retryable(): boolean {
    return this.kind === 'network' || this.kind === 'server' || this.kind === 'unknown';
  }
}

export const SESSION_EXPIRED = 'Сессия истекла, войдите снова';
/** Strapi's own refusals come in English and say nothing useful; this stands in for them. */
export const NO_RIGHTS = 'Недостаточно прав для этого действия. Обратитесь к куратору.';
const NETWORK = 'Сервер «Наставника» недоступен: проверьте подключение к интернету и адрес сервера.';

function fromStatus(status: number, detail?: string): ApiFailure {
  if (status === 401) return new ApiFailure('auth', SESSION_EXPIRED);
  if (status === 403) return new ApiFailure('forbidden', NO_RIGHTS);
  if (status === 413)
    return new ApiFailure('invalid', 'Сервер не принял данные: слишком большой объём за один раз.');
  if (status === 429) return new ApiFailure('server', 'Сервер перегружен запросами; повторим позже.');
  // The server is up but its database is not (it says so with 503): like being offline, nothing to count.
  if (status === 503)
    return new ApiFailure(
      'network',
      'Сервер «Наставника» временно недоступен; отправим, когда он заработает.',
    );
  if (status >= 500) return new ApiFailure('server', `Ошибка на сервере (${status}); повторим позже.`);
  if (status === 404)
    return new ApiFailure('invalid', 'По этому адресу нет сервера «Наставника» (ответ 404).');
  return new ApiFailure(
    'invalid',
    detail ? `Сервер отклонил запрос: ${detail}` : `Сервер отклонил запрос (${status}).`,
  );
}

function firstGraphqlMessage(error: CombinedGraphQLErrors): string {
  return error.errors.map((item) => item.message).find(Boolean) ?? '';
}

export function classifyError(error: unknown): ApiFailure {
  if (error instanceof ApiFailure) return error;
  if (CombinedGraphQLErrors.is(error)) {
    const codes = error.errors.map((item) => {
      const code = item.extensions?.['code'];
      return typeof code === 'string' ? code : '';
    });
    const message = firstGraphqlMessage(error);
    if (codes.includes('UNAUTHENTICATED')) return new ApiFailure('auth', SESSION_EXPIRED);
    if (codes.includes('FORBIDDEN')) {
      // The plugin says in Russian who may do what («… могут куратор и методист»); Strapi's own
      // refusals are English («Forbidden access») and get the general sentence.
      return new ApiFailure('forbidden', /[А-Яа-яЁё]/.test(message) ? message : NO_RIGHTS);
    }
    if (codes.includes('GRAPHQL_VALIDATION_FAILED')) {
      return new ApiFailure(
        'invalid',
        'Сервер не поддерживает этот запрос: возможно, на нём не установлен или устарел модуль «Наставник».',
      );
    }
    if (codes.includes('BAD_USER_INPUT') || codes.includes('VALIDATION_ERROR')) {
      return new ApiFailure('invalid', `Сервер отклонил данные: ${message || 'ошибка проверки'}`);
    }
    return new ApiFailure('server', `Ошибка на сервере: ${message || 'без описания'}; повторим позже.`);
  }
  if (ServerError.is(error)) return fromStatus(error.statusCode);
  if (ServerParseError.is(error)) {
    return new ApiFailure(
      'server',
      'Сервер ответил не так, как сервер «Наставника» (не JSON); повторим позже.',
    );
  }
  if (error instanceof TypeError || (error instanceof Error && /fetch|network/i.test(error.message))) {
    return new ApiFailure('network', NETWORK);
  }
  if (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return new ApiFailure('network', 'Сервер не ответил вовремя; повторим позже.');
  }
  return new ApiFailure('unknown', 'Непредвиденная ошибка при обращении к серверу; повторим позже.');
}

export { fromStatus as failureFromStatus };
