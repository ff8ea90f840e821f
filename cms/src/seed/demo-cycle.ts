/**
 * The demo school's programmes at each stage of the cycle, so that a newcomer sees it in the admin
 * panel («Программы наставничества по этапам» on the plugin's home screen): bases and selection of
 * mentors, pairs proposed and waiting for the order, a pair at work with a meeting waiting for feedback,
 * and a completed programme whose mentee became a mentor and whose mentor was recognised. Every person
 * is invented, marked «(демо)» and isDemo. The programmes stay unpublished, so public pages keep showing
 * the two published demo programmes. Created once; recognised afterwards by the «Демо-цикл:» titles.
 */
import type { Core } from '@strapi/strapi';
import { planFromTemplate } from '@nastavnik/shared';
import { DEMO_CYCLE_PEOPLE } from './demo-people';

const PERSON = 'plugin::nastavnik.person';
const PROGRAMME = 'plugin::nastavnik.programme';
const PAIR = 'plugin::nastavnik.pair';
const MEETING = 'plugin::nastavnik.meeting';
const QUESTIONNAIRE = 'plugin::nastavnik.questionnaire';
const RESPONSE = 'plugin::nastavnik.questionnaire-response';

type Key = (typeof DEMO_CYCLE_PEOPLE)[number]['key'];

type Answers = Record<string, string | number | string[]>;

const INTAKE: ReadonlyArray<{ key: Key; questionnaire: string; answers: Answers }> = [
  {
    key: 'newMentor',
    questionnaire: 'Входная анкета педагога-наставника',
    answers: {
      competences: ['методика урока', 'работа с классом и дисциплина'],
      subjects: ['русский язык', 'литература'],
      availability: ['вт, после уроков', 'чт, после уроков'],
      capacity: 2,
    },
  },
  {
    key: 'newYoungTeacher',
    questionnaire: 'Входная анкета наставляемого педагога',
    answers: {
      requests: ['работа с классом и дисциплина', 'работа с родителями'],
      subjects: ['русский язык'],
      availability: ['чт, после уроков'],
    },
  },
  {
    key: 'pupilMentor',
    questionnaire: 'Входная анкета наставника (обучающиеся, студенты, работодатели)',
    answers: {
      competences: ['подготовка к ОГЭ', 'олимпиады и конкурсы'],
      subjects: ['математика', 'физика'],
      availability: ['ср, после уроков'],
      capacity: 2,
    },
  },
  {
    key: 'pupilMentee',
    questionnaire: 'Входная анкета наставляемого (обучающиеся)',
    answers: {
      requests: ['подготовка к ОГЭ'],
      subjects: ['математика'],
      availability: ['ср, после уроков'],
    },
  },
];

export async function seedDemoCycle(strapi: Core.Strapi, bySlug: Map<string, string>): Promise<boolean> {
  const organisation = bySlug.get('bor-demo-school');
  if (!organisation) return false;
  const already = await strapi.documents(PROGRAMME).findFirst({
    filters: { title: { $startsWith: 'Демо-цикл:' } },
    status: 'draft',
  });
  if (already) return false;

  const ids = new Map<Key, string>();
  const id = (key: Key) => {
    const documentId = ids.get(key);
    if (!documentId) throw new Error(`demo person ${key} was not created`);
    return documentId;
  };
  for (const { key, ...person } of DEMO_CYCLE_PEOPLE) {
    const doc = await strapi.documents(PERSON).create({
      data: {
        ...person,
        awards: 'awards' in person ? [...person.awards] : [],
        organisation,
        isDemo: true,
      },
    });
    ids.set(key, doc.documentId);
  }
  const questionnaires = new Map(
    (
      await strapi.documents(QUESTIONNAIRE).findMany({
        filters: { organisation: { documentId: organisation } },
        fields: ['documentId', 'title'],
        limit: 100,
      })
    ).map((q) => [q.title, q.documentId]),
  );
  const respond = async (key: Key, title: string, answers: Answers, submittedAt: string) => {
    const questionnaire = questionnaires.get(title);
    if (!questionnaire) return;
    await strapi
      .documents(RESPONSE)
      .create({ data: { questionnaire, person: id(key), organisation, answers, submittedAt } });
  };
  for (const intake of INTAKE)
    await respond(intake.key, intake.questionnaire, intake.answers, '2026-09-05T09:00:00.000Z');

  const programme = (
    data: Record<string, unknown> & { title: string; form: 'teacher_teacher' | 'pupil_pupil' },
  ) => strapi.documents(PROGRAMME).create({ data: { ...data, organisation } });

  // Stages 3–4: the bases are gathered, one mentor still has to finish the training.
  await programme({
    title: 'Демо-цикл: базы и отбор наставников — молодые педагоги 2026/27',
    form: 'teacher_teacher',
    roleVariation: 'опытный педагог – молодой специалист',
    goals: 'Сопровождение молодых педагогов, пришедших в школу в 2026 году.',
    periodStart: '2026-09-01',
    periodEnd: '2027-05-31',
    programmeStatus: 'planned',
    requireMentorTraining: true,
    stages: [
      { stage: 'mentee_base', start: '2026-09-01', end: '2026-09-15' },
      { stage: 'mentor_base', start: '2026-09-01', end: '2026-09-15' },
      { stage: 'mentor_training', start: '2026-09-16', end: '2026-10-15' },
      { stage: 'matching', start: '2026-10-16', end: '2026-10-31' },
    ],
  });

  // Stage 5: matching proposed a pair, the order that fixes it is not signed yet.
  const exams = await programme({
    title: 'Демо-цикл: формирование пар — «Ученик – ученик», подготовка к ОГЭ',
    form: 'pupil_pupil',
    roleVariation: 'успевающий – неуспевающий',
    goals: 'Подготовка девятиклассников к ОГЭ по математике с помощью старшеклассников.',
    periodStart: '2026-10-01',
    periodEnd: '2027-05-31',
    programmeStatus: 'running',
    requireMentorTraining: true,
  });
  await strapi.documents(PAIR).create({
    data: {
      title: 'Соколов – Морозова (демо)',
      programme: exams.documentId,
      organisation,
      mentors: [id('pupilMentor')],
      mentees: [id('pupilMentee')],
      kind: 'pair',
      form: 'pupil_pupil',
      pairStatus: 'proposed',
      matchScore: 88,
      matchExplanation:
        'Запросы и компетенции (вес 40): совпали «подготовка к ОГЭ» (1 из 1). Предметы (вес 20): совпали «математика» (1 из 1). Свободное время (вес 15): совпали «ср, после уроков» (1 из 1).',
      isDemo: true,
    },
  });

  // Stage 6: the demo pair at work has a meeting nobody gave feedback on yet.
  const working = await strapi.documents(PAIR).findFirst({
    filters: { title: 'Смирнова – Кузнецов (демо)' },
    fields: ['documentId'],
  });
  if (working)
    await strapi.documents(MEETING).create({
      data: {
        pair: working.documentId,
        organisation,
        kind: 'working',
        date: '2025-11-13',
        topic: 'Подготовка к открытому уроку (демо: ждёт обратной связи)',
      },
    });

  // Stage 7: a completed programme — final questionnaire, outcome, the mentee became a mentor.
  const finished = await programme({
    title: 'Демо-цикл: завершение — «Учитель – учитель» 2024/25',
    form: 'teacher_teacher',
    roleVariation: 'опытный педагог – молодой специалист',
    goals: 'Адаптация молодого педагога в первый год работы.',
    periodStart: '2024-09-01',
    periodEnd: '2025-05-31',
    programmeStatus: 'completed',
  });
  const plan = planFromTemplate('teacher_teacher', '2024-09-20').map((goal, i) => ({
    ...goal,
    goalStatus: 'done' as const,
    progress: 100,
    result: [
      'Затруднения: дисциплина на уроке, планирование',
      'Посещено 5 уроков, разбор каждого',
      'Технологические карты на II четверть',
      'Открытый урок в 6 «А», отзыв методиста',
      'Портфолио и самоанализ сданы',
    ][i],
  }));
  const completed = await strapi.documents(PAIR).create({
    data: {
      title: 'Фёдорова – Егорова (демо)',
      programme: finished.documentId,
      organisation,
      mentors: [id('recognisedMentor')],
      mentees: [id('formerMentee')],
      kind: 'pair',
      form: 'teacher_teacher',
      approvalOrderNumber: '95-од',
      approvalOrderDate: '2024-09-20',
      pairStatus: 'completed',
      outcome: 'achieved',
      completedAt: '2025-05-25',
      matchScore: 81,
      developmentPlan: plan,
      isDemo: true,
    },
  });
  await strapi.documents(MEETING).create({
    data: {
      pair: completed.documentId,
      organisation,
      kind: 'final',
      date: '2025-05-22',
      topic: 'Итоги года',
      mentorFeedback: { rating: 10, comment: 'Цели плана достигнуты.' },
      menteeFeedback: { rating: 10, comment: 'Готова сама стать наставником.' },
    },
  });
  await respond(
    'formerMentee',
    'Удовлетворённость участием: завершение программы',
    { overall: 10, goals_reached: 9, pair_work: 10, recommend: 10, become_mentor: 'да' },
    '2025-05-24T10:00:00.000Z',
  );
  return true;
}
