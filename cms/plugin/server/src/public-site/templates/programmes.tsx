/** Программы: each programme with its form of mentoring, role variation, goals, stages and how to join. */
import {
  mentoringForms,
  programmeStages,
  programmeStatuses,
  type MentoringForm,
  type ProgrammeStage,
  type ProgrammeStatus,
} from '@nastavnik/shared';
import { href, type PageContext } from '../context.js';
import type { Organisation, Partner, Programme } from '../data.js';
import { Layout } from './layout.js';
import { isPreviewed, Paragraphs, Period, PreviewMark } from './parts.js';

export interface ProgrammesData {
  organisation: Organisation;
  programmes: Programme[];
  partners: Partner[];
  joinUrl: string | null;
}

export function ProgrammesPage({ ctx, data }: { ctx: PageContext; data: ProgrammesData }) {
  const { organisation, programmes } = data;
  return (
    <Layout
      ctx={ctx}
      title="Программы наставничества"
      description={`Программы наставничества организации «${organisation.name}»: формы, цели, этапы и как принять участие.`}
      organisation={organisation}
      current="programmy/"
    >
      <h1>Программы наставничества</h1>
      {programmes.length ? null : <p>Программы пока не опубликованы.</p>}
      {programmes.map((p) => (
        <section
          key={p.documentId}
          id={`programme-${p.documentId}`}
          aria-labelledby={`title-${p.documentId}`}
          className={isPreviewed(ctx, p.documentId) ? 'previewed' : undefined}
        >
          {isPreviewed(ctx, p.documentId) ? <PreviewMark /> : null}
          <h2 id={`title-${p.documentId}`}>{p.title}</h2>
          <dl className="facts">
            <dt>Форма наставничества</dt>
            <dd>«{mentoringForms.label(p.form as MentoringForm)}»</dd>
            {p.roleVariation ? (
              <>
                <dt>Ролевая модель</dt>
                <dd>{p.roleVariation}</dd>
              </>
            ) : null}
            {p.programmeStatus ? (
              <>
                <dt>Состояние</dt>
                <dd>{programmeStatuses.label(p.programmeStatus as ProgrammeStatus)}</dd>
              </>
            ) : null}
            {p.periodStart || p.periodEnd ? (
              <>
                <dt>Сроки</dt>
                <dd>
                  <Period start={p.periodStart} end={p.periodEnd} />
                </dd>
              </>
            ) : null}
          </dl>
          {p.goals ? (
            <>
              <h3>Цели</h3>
              <Paragraphs text={p.goals} />
            </>
          ) : null}
          {p.tasks ? (
            <>
              <h3>Задачи</h3>
              <Paragraphs text={p.tasks} />
            </>
          ) : null}
          {p.expectedResults ? (
            <>
              <h3>Ожидаемые результаты</h3>
              <Paragraphs text={p.expectedResults} />
            </>
          ) : null}
          {p.stages?.length ? (
            <table>
              <caption>Этапы программы «{p.title}»</caption>
              <thead>
                <tr>
                  <th scope="col">Этап</th>
                  <th scope="col">Сроки</th>
                </tr>
              </thead>
              <tbody>
                {p.stages.map((s) => (
                  <tr key={s.stage}>
                    <th scope="row">{programmeStages.label(s.stage as ProgrammeStage)}</th>
                    <td>
                      <Period start={s.start} end={s.end} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </section>
      ))}
      {data.partners.length ? (
        <section aria-labelledby="partners">
          <h2 id="partners">Партнёры программ</h2>
          <ul>
            {data.partners.map((p) => (
              <li key={p.documentId}>{p.name}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="join">
        <h2 id="join">Как принять участие</h2>
        <p>
          Наставником или наставляемым может стать обучающийся, педагог, выпускник или представитель
          организации-партнёра. Обратитесь к куратору программы
          {data.joinUrl ? (
            <>
              {' '}
              или <a href={data.joinUrl}>заполните анкету участника</a>
            </>
          ) : (
            <>
              {' '}
              (контакты — на <a href={href(ctx, `/${organisation.slug}/`)}>главной странице раздела</a>)
            </>
          )}
          . За несовершеннолетнего участника согласие даёт законный представитель.
        </p>
      </section>
    </Layout>
  );
}
