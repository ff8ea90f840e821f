/**
 * The one way the panel and the background talk to the CMS: Apollo Client over `{server}/graphql`
 * with the JWT as a Bearer header, no cookies. Each call checks the token first (an expired token
 * is not worth a round trip) and turns every failure into an `ApiFailure`.
 */
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import type { CaptureSubmission, GradesApplyOptions } from '@nastavnik/shared/capture';
import { isTokenExpired } from '../auth/jwt.js';
import { ApiFailure, classifyError, SESSION_EXPIRED } from './errors.js';
import {
  APPLY_CAPTURE,
  type ApplyCaptureData,
  CREATE_MEETING,
  ME,
  type MeData,
  type MeetingInput,
  PAIRS,
  type PairsData,
  SUBMIT_CAPTURE,
  type SubmitCaptureData,
} from './operations.js';

export interface ApiOptions {
  serverUrl: string;
  getToken: () => Promise<string | null>;
  fetch?: typeof fetch;
  /** Milliseconds before a request counts as failed; the queue retries later. */
  timeoutMs?: number;
  /**
   * Called when the server refuses the session, wherever the call came from, with the token the
   * call went out with (null: it had none).
   */
  onAuthFailure?: (refused: string | null) => Promise<void>;
}

export class NastavnikApi {
  private readonly client: ApolloClient;
  private readonly getToken: () => Promise<string | null>;
  private readonly onAuthFailure: ((refused: string | null) => Promise<void>) | undefined;

  constructor(options: ApiOptions) {
    this.getToken = options.getToken;
    this.onAuthFailure = options.onAuthFailure;
    const timeoutMs = options.timeoutMs ?? 30_000;
    const baseFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    const auth = new SetContextLink(async (previous) => {
      const token = await this.getToken();
      return { headers: { ...previous['headers'], ...(token ? { Authorization: `Bearer ${token}` } : {}) } };
    });
    const http = new HttpLink({
      uri: `${options.serverUrl}/graphql`,
      credentials: 'omit',
      fetch: (input, init) => baseFetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) }),
    });
    this.client = new ApolloClient({
      link: ApolloLink.from([auth, http]),
      cache: new InMemoryCache(),
      defaultOptions: { query: { fetchPolicy: 'no-cache' }, watchQuery: { fetchPolicy: 'no-cache' } },
    });
  }

  private async run<T>(call: () => Promise<{ data?: T | null | undefined; error?: unknown }>): Promise<T> {
    let used: string | null = null;
    try {
      used = await this.getToken();
      if (!used || isTokenExpired(used)) throw new ApiFailure('auth', SESSION_EXPIRED);
      let result: { data?: T | null | undefined; error?: unknown };
      try {
        result = await call();
      } catch (error) {
        throw classifyError(error);
      }
      if (result.error) throw classifyError(result.error);
      if (result.data === undefined || result.data === null) {
        throw new ApiFailure('server', 'Сервер вернул пустой ответ; повторим позже.');
      }
      return result.data;
    } catch (error) {
      const failure = classifyError(error);
      if (failure.kind === 'auth') await this.onAuthFailure?.(used);
      throw failure;
    }
  }

  async me(): Promise<NonNullable<MeData['nastavnikMe']>> {
    const data = await this.run(() => this.client.query({ query: ME }));
    if (!data.nastavnikMe) throw new ApiFailure('auth', SESSION_EXPIRED);
    return data.nastavnikMe;
  }

  async pairs(): Promise<PairsData['nastavnikPairs']> {
    return (await this.run(() => this.client.query({ query: PAIRS }))).nastavnikPairs;
  }

  async submitCapture(submission: CaptureSubmission): Promise<SubmitCaptureData['nastavnikSubmitCapture']> {
    const data = await this.run(() =>
      this.client.mutate({
        mutation: SUBMIT_CAPTURE,
        variables: {
          data: {
            kind: submission.kind,
            sourceUrl: submission.sourceUrl,
            adapter: submission.adapter,
            payload: submission.payload,
            idempotencyKey: submission.idempotencyKey,
          },
        },
      }),
    );
    return data.nastavnikSubmitCapture;
  }

  async applyCapture(
    documentId: string,
    options?: GradesApplyOptions,
  ): Promise<ApplyCaptureData['nastavnikApplyCapture']> {
    const data = await this.run(() =>
      this.client.mutate({ mutation: APPLY_CAPTURE, variables: { documentId, options: options ?? null } }),
    );
    return data.nastavnikApplyCapture;
  }

  async createMeeting(input: MeetingInput): Promise<string> {
    const data = await this.run(() =>
      this.client.mutate({ mutation: CREATE_MEETING, variables: { data: input } }),
    );
    if (!data.createNastavnikMeeting)
      throw new ApiFailure('server', 'Сервер не сохранил встречу; попробуйте ещё раз.');
    return data.createNastavnikMeeting.documentId;
  }
}
