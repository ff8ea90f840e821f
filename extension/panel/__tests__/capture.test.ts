import { describe, expect, it } from 'vitest';
import type { ArticlePayload } from '@nastavnik/shared/capture';
import type { QueueEntryView } from '@/utils/queue/entry';
import {
  afterPageChange,
  canSend,
  type Detected,
  detectFailureText,
  draftOf,
  type Extracted,
  failureMessage,
  type Offer,
  previewStep,
  queuedStatus,
  type Step,
  withRole,
} from '../capture';

const SOURCE = 'https://school1.example/classes/7a';

const tableOffer: Offer = {
  adapterId: 'generic-table',
  adapterLabel: 'Таблица на странице',
  kind: 'roster',
  kindLabel: 'Список класса',
  summary: 'Таблица «Список 7А»: 2 строки',
  confidence: 0.5,
};

const detected: Detected = {
  url: SOURCE,
  title: 'Класс 7А',
  offers: [tableOffer],
  failures: [],
  elapsedMs: 4,
};

const tableExtracted: Extracted = {
  adapterId: 'generic-table',
  kind: 'roster',
  sourceUrl: SOURCE,
  table: {
    label: 'Список 7А',
    headers: ['ФИО', 'Класс'],
    rows: [
      ['Иванов Иван Иванович', '7А'],
      ['Петрова Анна Сергеевна', '7А'],
    ],
    rowGroups: [null, null],
    roles: ['full_name', 'class_name'],
    defaults: {},
  },
  warnings: [],
  problems: [],
  elapsedMs: 3,
};

const article: ArticlePayload = {
  kind: 'article',
  title: 'Как мы начинали наставничество',
  html: '<p>Текст статьи.</p>',
  images: [],
  sourceUrl: 'https://school1.example/news/1',
};

const articleOffer: Offer = { ...tableOffer, adapterId: 'article', kind: 'article', kindLabel: 'Статья' };

const articleExtracted: Extracted = {
  adapterId: 'article',
  kind: 'article',
  sourceUrl: article.sourceUrl,
  payload: article,
  warnings: [],
  problems: [],
  elapsedMs: 7,
};

describe('afterPageChange', () => {
  it.each<Step>([
    { name: 'detecting' },
    { name: 'offers', detected },
    { name: 'extracting', detected, offer: tableOffer },
    previewStep(detected, tableOffer, tableExtracted),
  ])('starts over from $name', (step) => {
    expect(afterPageChange(step)).toEqual({ name: 'idle' });
  });

  it('keeps the report on what was queued', () => {
    const queued: Step = { name: 'queued', ids: ['a'], summary: 'Список класса' };
    expect(afterPageChange(queued)).toBe(queued);
  });
});

describe('previewStep', () => {
  it('starts a table from the adapter’s column guess and remembers the chosen table', () => {
    const preview = previewStep(detected, tableOffer, tableExtracted, 2);
    expect(preview.roles).toEqual(['full_name', 'class_name']);
    expect(preview.article).toBeNull();
    expect(preview.tableIndex).toBe(2);
    expect('tableIndex' in previewStep(detected, tableOffer, tableExtracted)).toBe(false);
  });

  it('starts an article from what the page gave', () => {
    expect(previewStep(detected, articleOffer, articleExtracted).article).toEqual(article);
  });
});

describe('draftOf', () => {
  it('builds a table with the user’s mapping and names it for the queue', () => {
    const draft = draftOf(previewStep(detected, tableOffer, tableExtracted));
    expect(draft.payload?.kind).toBe('roster');
    expect(draft.table?.accepted).toBe(2);
    expect(draft.summary).toBe('Список класса: «Список 7А», строк: 2');
    expect(draft.issues).toEqual([]);
    expect(canSend(draft)).toBe(true);
  });

  it('refuses to send a table once the name column is unmapped, without touching the first mapping', () => {
    const preview = previewStep(detected, tableOffer, tableExtracted);
    const unmapped = withRole(preview, 0, 'ignore');
    expect(unmapped.roles).toEqual(['ignore', 'class_name']);
    expect(preview.roles).toEqual(['full_name', 'class_name']);
    const draft = draftOf(unmapped);
    expect(draft.table?.accepted).toBe(0);
    expect(draft.issues).not.toEqual([]);
    expect(canSend(draft)).toBe(false);
  });

  it('sends the article as the user edited it', () => {
    const preview = previewStep(detected, articleOffer, articleExtracted);
    const edited = { ...preview, article: { ...article, title: 'Наставничество: первый год' } };
    const draft = draftOf(edited);
    expect(draft.payload).toEqual(edited.article);
    expect(draft.summary).toBe('Статья: «Наставничество: первый год»');
    expect(canSend(draft)).toBe(true);
    expect(canSend(draftOf({ ...preview, article: { ...article, title: ' ' } }))).toBe(false);
  });

  it('shows the page’s own problems when the adapter’s output did not pass the schema', () => {
    const { payload: _payload, ...invalid } = articleExtracted;
    const draft = draftOf(
      previewStep(detected, articleOffer, { ...invalid, problems: ['У статьи нет заголовка.'] }),
    );
    expect(draft).toMatchObject({ payload: undefined, summary: '', issues: ['У статьи нет заголовка.'] });
    expect(canSend(draft)).toBe(false);
  });
});

describe('failureMessage', () => {
  it('explains Chrome’s wording for a tab whose content script has gone', () => {
    expect(failureMessage(new Error('Could not establish connection. Receiving end does not exist.'))).toBe(
      'Страница не отвечает: возможно, она перезагрузилась. Попробуйте ещё раз.',
    );
  });

  it('passes a message on and has a Russian sentence for anything without one', () => {
    expect(failureMessage(new Error('Нет доступа к этой странице.'))).toBe('Нет доступа к этой странице.');
    expect(failureMessage('boom')).toBe('Непредвиденная ошибка.');
  });
});

describe('detectFailureText', () => {
  it('names the adapter that could not read the page', () => {
    expect(
      detectFailureText({
        adapterId: 'generic-table',
        adapterLabel: 'Таблица на странице',
        message: "Cannot read properties of null (reading 'rows')",
      }),
    ).toBe(
      "Обработчик «Таблица на странице» не смог прочитать страницу: Cannot read properties of null (reading 'rows')",
    );
  });
});

describe('queuedStatus', () => {
  const entry = (id: string, changes: Partial<QueueEntryView> = {}): QueueEntryView => ({
    id,
    kind: 'roster',
    adapter: 'generic-table',
    sourceUrl: SOURCE,
    summary: `Часть ${id}`,
    state: 'queued',
    attempts: 0,
    nextAttemptAt: null,
    createdAt: 0,
    updatedAt: 0,
    ...changes,
  });

  it('follows only this capture’s parts', () => {
    const status = queuedStatus([entry('a'), entry('other', { state: 'failed' })], ['a']);
    expect(status.entries.map((part) => part.id)).toEqual(['a']);
    expect(status).toMatchObject({ tone: 'info', allSent: false });
  });

  it.each([
    ['error', [entry('a', { state: 'failed' }), entry('b', { state: 'sent' })]],
    ['warning', [entry('a', { lastError: 'Сервер недоступен' }), entry('b', { state: 'sent' })]],
    ['success', [entry('a', { state: 'applied' }), entry('b', { state: 'checked' })]],
  ] as const)('reads %s when the parts are %j', (tone, parts) => {
    expect(queuedStatus(parts, ['a', 'b']).tone).toBe(tone);
  });

  it('counts as sent only when every part has reached the server', () => {
    expect(queuedStatus([entry('a', { state: 'sent' }), entry('b')], ['a', 'b']).allSent).toBe(false);
    expect(
      queuedStatus([entry('a', { state: 'sent' }), entry('b', { state: 'sent' })], ['a', 'b']).allSent,
    ).toBe(true);
    expect(queuedStatus([], ['a']).allSent).toBe(false);
  });
});
