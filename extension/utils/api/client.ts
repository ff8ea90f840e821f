/**
 * The one way the panel and the background talk to the CMS: Apollo Client over `{server}/graphql`
 * with the JWT as a Bearer header, no cookies. Each call checks the token first (an expired token
 * is not worth a round trip) and turns every failure into an `ApiFailure`.
 */
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import type { CaptureSubmission, GradesApplyOptions } from '@nastavnik/shared/capture';
import { isTokenExpired } from '../auth/jwt.js';
import {
  roadmapImportResultSchema,
  type RoadmapApplyOptions,
  type RoadmapImportResult,
} from '../roadmap/result.js';
import { ApiFailure, classifyError, NO_RIGHTS, SESSION_EXPIRED } from './errors.js';
import {
  APPLY_CAPTURE,
  type ApplyCaptureData,
  CAPTURE_SOURCE,
  CREATE_MEETING,
  IMPORT_ROADMAP,
  ME,
  type MeData,
  type MeetingInput,
  PAIRS,
  type PairsData,
  type RoadmapImportInput,
  SUBMIT_CAPTURE,
  type SubmitCaptureData,
} from './operations.js';

/** The plugin's own wording (`roadmaps/service.ts`), for when Strapi refuses before the plugin is asked. */
const IMPORT_FORBIDDEN = 'Импортировать дорожные карты могут куратор и методист.';

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
      // Apollo types the context as `any`; headers set by an earlier link, if any, are an object.
      const headers: unknown = previous['headers'];
      return {
        headers: {
          ...(typeof headers === 'object' ? headers : {}),
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
        },
      };
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

  /**
   * `forbidden`: what to say when Strapi refuses the call by its permission scope (in English, before
   * the plugin could explain); the plugin's own Russian refusals are passed on as they are.
   */
  private async run<T>(
    call: () => Promise<{ data?: T | null | undefined; error?: unknown }>,
    forbidden?: string,
  ): Promise<T> {
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
      if (failure.kind === 'forbidden' && forbidden && failure.message === NO_RIGHTS) {
        throw new ApiFailure('forbidden', forbidden);
      }
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
    options?: GradesApplyOptions | RoadmapApplyOptions,
  ): Promise<ApplyCaptureData['nastavnikApplyCapture']> {
    const data = await this.run(() =>
      this.client.mutate({ mutation: APPLY_CAPTURE, variables: { documentId, options: options ?? null } }),
    );
    return data.nastavnikApplyCapture;
  }

  /**
   * `nastavnikImportRoadmap`: a dry run (the parsed draft, warnings, a duplicate if any) or a commit.
   * The draft is asked for only when the caller shows it: it is the largest part of the answer.
   */
  async importRoadmap(input: RoadmapImportInput, withDraft = false): Promise<RoadmapImportResult> {
    const data = await this.run(
      () => this.client.mutate({ mutation: IMPORT_ROADMAP, variables: { input, withDraft } }),
      // The import's permission (`roadmap.create`) is granted to these two roles only.
      IMPORT_FORBIDDEN,
    );
    const parsed = roadmapImportResultSchema.safeParse(data.nastavnikImportRoadmap);
    if (!parsed.success) {
      throw new ApiFailure(
        'server',
        'Сервер ответил на импорт дорожной карты не так, как ожидалось: возможно, модуль «Наставник» на нём устарел.',
      );
    }
    return parsed.data;
  }

  /** The table HTML the CMS stored for a road-map capture, with the capture's organisation. */
  async captureSource(documentId: string): Promise<{ html: string; organisation: string }> {
    const data = await this.run(() =>
      this.client.query({ query: CAPTURE_SOURCE, variables: { documentId } }),
    );
    const capture = data.nastavnikCapture;
    const html = capture?.payload?.html;
    if (!capture || typeof html !== 'string' || !capture.organisation) {
      throw new ApiFailure(
        'invalid',
        'Захват не найден в «Наставнике» или в нём нет таблицы дорожной карты.',
      );
    }
    return { html, organisation: capture.organisation.documentId };
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
