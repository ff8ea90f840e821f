/**
 * The «Стать участником» form over real HTTP: a valid application becomes a person awaiting the curator
 * and a questionnaire response; a bad field, a minor without a representative, a robot (hidden field,
 * sent too fast) or too many applications store nothing and say why in Russian.
 */
import { beforeAll, describe, expect, it, inject } from 'vitest';
import { dataOf, gql, jwtOf } from '../harness/graphql.js';

const FORM = '/nastavnichestvo/bor-demo-school/stat-uchastnikom/';
let token = '';

const adult = {
  role: 'mentor',
  fullName: 'Заявкина Вера Павловна',
  category: 'teacher',
  birthDate: '1980-02-10',
  email: 'zayavkina@example.ru',
  phone: '',
  interests: 'Помогу молодым учителям',
  consent: 'on',
};

async function send(fields: Record<string, string>) {
  const res = await fetch(`${inject('strapiUrl')}${FORM}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ t: token, website: '', ...fields }).toString(),
  });
  return { status: res.status, location: res.headers.get('location'), html: await res.text() };
}

interface Applicant {
  fullName: string;
  isMentor: boolean;
  isMentee: boolean;
  awaitingCurator: boolean;
  consent: { givenBy: string; representativeName: string | null } | null;
}
const applicants = async () =>
  dataOf(
    await gql<{ nastavnikPersons: Applicant[] }>(
      `{ nastavnikPersons(filters: { awaitingCurator: { eq: true } }) { fullName isMentor isMentee awaitingCurator consent { givenBy representativeName } } }`,
      {},
      jwtOf('demoCurator'),
    ),
  ).nastavnikPersons;

beforeAll(async () => {
  const html = await (await fetch(`${inject('strapiUrl')}${FORM}`)).text();
  token = /name="t" value="([^"]+)"/.exec(html)?.[1] ?? '';
});

describe('the join form', () => {
  it('shows a labelled form with a hidden trap and a signed time', async () => {
    const res = await fetch(`${inject('strapiUrl')}${FORM}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<label for="join-fullName">Фамилия, имя, отчество</label>');
    expect(html).toContain('name="website"');
    expect(token).toMatch(/^\d+\.[\w-]+$/);
  });

  it('refuses a form sent faster than a person could fill it', async () => {
    const res = await send(adult);
    expect(res.status).toBe(400);
    expect(res.html).toContain('слишком быстро');
    expect(await applicants()).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 3_100));
  });

  it('refuses a filled hidden field and a forged time', async () => {
    expect((await send({ ...adult, website: 'http://spam.example' })).html).toContain(
      'похожа на автоматическую',
    );
    const forged = await send({ ...adult, t: `${Date.now() - 60_000}.abc` });
    expect(forged.status).toBe(400);
    expect(forged.html).toContain('Форма устарела');
    expect(await applicants()).toEqual([]);
  });

  it('names each bad field in Russian, keeps what was typed and stores nothing', async () => {
    const res = await send({ ...adult, fullName: '', email: 'не почта', consent: '' });
    expect(res.status).toBe(400);
    expect(res.html).toContain('Исправьте ошибки в заявке');
    expect(res.html).toContain('<a href="#join-fullName">Укажите фамилию, имя и отчество.</a>');
    expect(res.html).toContain('Адрес эл. почты указан неверно');
    expect(res.html).toContain('Без согласия на обработку персональных данных заявку принять нельзя.');
    expect(res.html).toContain('>Помогу молодым учителям</textarea>');
    expect(await applicants()).toEqual([]);
  });

  it('asks for the representative of a minor and stores nothing without them', async () => {
    const minor = {
      ...adult,
      role: 'mentee',
      fullName: 'Заявкин Илья',
      category: 'pupil',
      birthDate: '2013-05-05',
      classOrGroup: '7 «В»',
    };
    const res = await send(minor);
    expect(res.status).toBe(400);
    expect(res.html).toContain('Участнику нет 18 лет: укажите ФИО законного представителя');
    expect(res.html).toContain('согласие на обработку персональных данных даёт законный представитель');
    expect(await applicants()).toEqual([]);
    const complete = await send({
      ...minor,
      representativeName: 'Заявкина Вера Павловна',
      representativeConsent: 'on',
    });
    expect(complete.status).toBe(303);
    expect(await applicants()).toEqual([
      {
        fullName: 'Заявкин Илья',
        isMentor: false,
        isMentee: true,
        awaitingCurator: true,
        consent: { givenBy: 'legal_representative', representativeName: 'Заявкина Вера Павловна' },
      },
    ]);
  });

  it('stores a valid application as a person awaiting the curator with the answers, and thanks', async () => {
    const res = await send(adult);
    expect(res.status).toBe(303);
    expect(res.location).toBe(`${FORM}?otpravleno=1`);
    const thanks = await (await fetch(`${inject('strapiUrl')}${res.location ?? ''}`)).text();
    expect(thanks).toContain('Заявка отправлена');
    expect((await applicants()).map((a) => a.fullName)).toContain('Заявкина Вера Павловна');
    const responses = await gql<{
      nastavnikQuestionnaireResponses: Array<{
        answers: Record<string, string>;
        person: { fullName: string };
      }>;
    }>(`{ nastavnikQuestionnaireResponses { answers person { fullName } } }`, {}, jwtOf('demoCurator'));
    expect(dataOf(responses).nastavnikQuestionnaireResponses).toContainEqual({
      answers: { role: 'Наставником', interests: 'Помогу молодым учителям' },
      person: { fullName: 'Заявкина Вера Павловна' },
    });
    // Never public: neither the section nor the anonymous API shows the applicant.
    const page = await (await fetch(`${inject('strapiUrl')}/nastavnichestvo/bor-demo-school/`)).text();
    expect(page).not.toContain('Заявкина');
  });

  it('limits applications from one address', async () => {
    let status = 0;
    for (let i = 0; i < 3 && status !== 429; i++) status = (await send({ ...adult, fullName: '' })).status;
    expect(status).toBe(429);
    const res = await send(adult);
    expect(res.html).toContain('уже отправлено несколько заявок');
  });
});
