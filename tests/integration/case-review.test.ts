/**
 * The case workflow over GraphQL: an edit to an approved case sends it back to review (and so cannot
 * be republished unseen), a save that changes nothing does not, and methodists see a review queue of
 * their subtree with who submitted, when and what changed since the last approval.
 */
import { describe, expect, it, inject } from 'vitest';
import { dataOf, gql, jwtOf } from '../harness/graphql.js';

interface Review {
  documentId: string;
  title: string;
  submittedBy: string | null;
  submittedAt: string | null;
  firstReview: boolean;
  changedFields: string[];
  organisation: { name: string } | null;
}
const QUEUE = `{ nastavnikCaseReviewQueue { documentId title submittedBy submittedAt firstReview changedFields organisation } }`;

async function createSubmitted(title: string, slug: string) {
  const res = await gql<{ createNastavnikCase: { documentId: string } }>(
    `mutation($data: NastavnikCaseInput!) { createNastavnikCase(data: $data, status: DRAFT) { documentId } }`,
    { data: { title, slug, summary: 'Первая редакция', reviewState: 'submitted', form: 'pupil_pupil' } },
    jwtOf('demoCurator'),
  );
  return dataOf(res).createNastavnikCase.documentId;
}

const stateOf = async (id: string) =>
  dataOf(
    await gql<{ nastavnikCase: { reviewState: string; summary: string } }>(
      `query($id: ID!) { nastavnikCase(documentId: $id, status: DRAFT) { reviewState summary } }`,
      { id },
      jwtOf('demoCurator'),
    ),
  ).nastavnikCase;

const queueOf = async (user: string) =>
  dataOf(await gql<{ nastavnikCaseReviewQueue: Review[] }>(QUEUE, {}, jwtOf(user))).nastavnikCaseReviewQueue;

describe('case review', () => {
  it('sends an edited approved case back to review; it stays published as approved until reviewed again', async () => {
    const id = await createSubmitted('Кейс для повторного рассмотрения', 'review-again');
    const approve = await gql(
      `mutation($id: ID!) { updateNastavnikCase(documentId: $id, data: { reviewState: approved }, status: PUBLISHED) { documentId } }`,
      { id },
      jwtOf('borMethodist'),
    );
    expect(approve.errors, approve.raw).toBeUndefined();

    // A save that repeats the stored content is not an edit.
    const same = await gql(
      `mutation($id: ID!) { updateNastavnikCase(documentId: $id, data: { title: "Кейс для повторного рассмотрения", summary: "Первая редакция" }, status: DRAFT) { documentId } }`,
      { id },
      jwtOf('demoCurator'),
    );
    expect(same.errors, same.raw).toBeUndefined();
    expect((await stateOf(id)).reviewState).toBe('approved');

    const edit = await gql(
      `mutation($id: ID!) { updateNastavnikCase(documentId: $id, data: { summary: "Правка после одобрения" }, status: DRAFT) { documentId } }`,
      { id },
      jwtOf('demoCurator'),
    );
    expect(edit.errors, edit.raw).toBeUndefined();
    expect(await stateOf(id)).toEqual({ reviewState: 'submitted', summary: 'Правка после одобрения' });

    const republish = await gql(
      `mutation($id: ID!) { updateNastavnikCase(documentId: $id, data: {}, status: PUBLISHED) { documentId } }`,
      { id },
      jwtOf('demoCurator'),
    );
    expect(republish.errors?.[0]?.message).toContain('одобрения методистом');
    // Editing and publishing at once is refused the same way, and nothing of it is written.
    const editAndPublish = await gql(
      `mutation($id: ID!) { updateNastavnikCase(documentId: $id, data: { results: "Новые цифры" }, status: PUBLISHED) { documentId } }`,
      { id },
      jwtOf('demoCurator'),
    );
    expect(editAndPublish.errors?.[0]?.message).toContain('одобрения методистом');

    const page = await (
      await fetch(`${inject('strapiUrl')}/nastavnichestvo/bor-demo-school/luchshie-praktiki/review-again/`)
    ).text();
    expect(page).toContain('Первая редакция');
    expect(page).not.toContain('Правка после одобрения');

    const queued = (await queueOf('borMethodist')).find((r) => r.documentId === id);
    expect(queued).toMatchObject({
      title: 'Кейс для повторного рассмотрения',
      submittedBy: 'demoCurator',
      firstReview: false,
      changedFields: ['Кратко'],
      organisation: { name: 'Демонстрационная школа г. Бор (демо-данные)' },
    });
    expect(Date.parse(queued?.submittedAt ?? '')).toBeGreaterThan(Date.now() - 60_000);
  });

  it('lists new submissions as first reviews, only to methodists of the subtree, never to visitors', async () => {
    const id = await createSubmitted('Новый кейс в очереди', 'new-in-queue');
    const mine = (await queueOf('borMethodist')).find((r) => r.documentId === id);
    expect(mine).toMatchObject({ firstReview: true, changedFields: [], submittedBy: 'demoCurator' });
    expect((await queueOf('samaraMethodist')).some((r) => r.documentId === id)).toBe(false);
    const anonymous = await gql(QUEUE);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
