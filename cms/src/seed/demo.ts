/**
 * A demo set for the demo school under the Bor education authority. Every person is invented and
 * marked: «(демо)» in the name and isDemo. Created once; recognised afterwards by the demo programme.
 */
import type { Core } from '@strapi/strapi';
import { DEMO_PEOPLE } from './demo-people';
import { seedDemoSection } from './demo-section';

type DemoKey = (typeof DEMO_PEOPLE)[number]['key'];

export async function seedDemo(strapi: Core.Strapi, bySlug: Map<string, string>): Promise<boolean> {
  const organisation = bySlug.get('bor-demo-school');
  if (!organisation) return false;
  const already = await strapi.documents('plugin::nastavnik.programme').findFirst({
    filters: { title: { $startsWith: 'Демо:' } },
    status: 'draft',
  });
  if (already) return false;

  const created = new Map<DemoKey, string>();
  const people = (key: DemoKey) => {
    const documentId = created.get(key);
    if (!documentId) throw new Error(`demo person ${key} was not created`);
    return documentId;
  };
  for (const { key, ...person } of DEMO_PEOPLE) {
    const doc = await strapi
      .documents('plugin::nastavnik.person')
      .create({ data: { ...person, organisation, isDemo: true } });
    created.set(key, doc.documentId);
  }

  const teachers = await strapi.documents('plugin::nastavnik.programme').create({
    data: {
      title: 'Демо: «Учитель – учитель»: адаптация молодых педагогов',
      form: 'teacher_teacher',
      roleVariation: 'опытный педагог – молодой специалист',
      organisation,
      goals: 'Помочь молодому специалисту войти в профессию и закрепиться в школе.',
      tasks: 'Планирование уроков, работа с классом, подготовка к аттестации.',
      expectedResults: 'Молодой педагог проводит открытый урок и остаётся в школе.',
      periodStart: '2025-09-01',
      periodEnd: '2026-05-31',
      programmeStatus: 'running',
      stages: [
        { stage: 'conditions', start: '2025-09-01', end: '2025-09-15' },
        { stage: 'matching', start: '2025-09-16', end: '2025-09-30' },
        { stage: 'running', start: '2025-10-01', end: '2026-04-30' },
        { stage: 'completion', start: '2026-05-01', end: '2026-05-31' },
      ],
    },
    status: 'published',
  });
  const pupils = await strapi.documents('plugin::nastavnik.programme').create({
    data: {
      title: 'Демо: «Ученик – ученик»: помощь в учёбе',
      form: 'pupil_pupil',
      roleVariation: 'успевающий – неуспевающий',
      organisation,
      goals: 'Подтянуть математику в шестых классах с помощью старшеклассников.',
      periodStart: '2025-10-01',
      periodEnd: '2026-05-25',
      programmeStatus: 'running',
    },
    status: 'published',
  });

  const teacherPair = await strapi.documents('plugin::nastavnik.pair').create({
    data: {
      title: 'Смирнова – Кузнецов (демо)',
      programme: teachers.documentId,
      organisation,
      mentors: [people('mentorTeacher')],
      mentees: [people('youngTeacher')],
      kind: 'pair',
      form: 'teacher_teacher',
      approvalOrderNumber: '112-од',
      approvalOrderDate: '2025-09-29',
      pairStatus: 'active',
      matchScore: 86,
      matchExplanation: 'Один предмет (математика), свободные часы совпадают по вторникам и четвергам.',
      developmentPlan: [
        {
          goal: 'Разработать технологические карты уроков на первую четверть',
          progress: 100,
          dueDate: '2025-10-25',
        },
        { goal: 'Провести открытый урок', progress: 40, dueDate: '2026-03-15' },
      ],
      isDemo: true,
    },
  });
  const group = await strapi.documents('plugin::nastavnik.pair').create({
    data: {
      title: 'Волкова и 6 «Б» (демо)',
      programme: pupils.documentId,
      organisation,
      mentors: [people('pupilMentor')],
      mentees: [people('pupilMentee1'), people('pupilMentee2')],
      kind: 'group',
      form: 'pupil_pupil',
      approvalOrderNumber: '118-од',
      approvalOrderDate: '2025-09-30',
      pairStatus: 'active',
      isDemo: true,
    },
  });

  const meetings = [
    {
      pair: teacherPair.documentId,
      kind: 'acquaintance',
      date: '2025-10-02',
      topic: 'Знакомство, ожидания',
      mentorFeedback: { rating: 9, comment: 'Хороший контакт.' },
      menteeFeedback: { rating: 10, comment: 'Стало понятнее, с чего начать.' },
    },
    {
      pair: teacherPair.documentId,
      kind: 'planning',
      date: '2025-10-09',
      topic: 'План на четверть',
      mentorFeedback: { rating: 8 },
      menteeFeedback: { rating: 9 },
    },
    {
      pair: group.documentId,
      kind: 'acquaintance',
      date: '2025-10-06',
      topic: 'Знакомство группы',
      mentorFeedback: { rating: 8 },
      menteeFeedback: { rating: 7, comment: 'Интересно.' },
    },
  ] as const;
  for (const meeting of meetings)
    await strapi.documents('plugin::nastavnik.meeting').create({ data: { ...meeting, organisation } });

  await strapi.documents('plugin::nastavnik.progress-record').create({
    data: {
      person: people('pupilMentee1'),
      pair: group.documentId,
      organisation,
      metric: 'average_grade',
      moment: 'start',
      value: 3.1,
      recordedAt: '2025-10-01',
      source: 'manual',
    },
  });

  const demoCase = await strapi.documents('plugin::nastavnik.case').create({
    data: {
      title: 'Демо: как старшеклассники помогли шестиклассникам с дробями',
      slug: 'demo-drobi',
      summary: 'Группа «ученик – ученик»: за четверть средний балл по математике вырос с 3,1 до 3,6.',
      form: 'pupil_pupil',
      audience: 'Обучающиеся 6–10 классов',
      problem: 'Шестиклассники не успевали по теме «Дроби», дополнительные занятия с учителем не помогали.',
      solution:
        '<p>Старшеклассница вела еженедельные встречи с группой по 40 минут: разбор задач, игры, мини-контрольные.</p>',
      results:
        'Средний балл группы по математике: 3,1 → 3,6 за четверть; 2 из 2 наставляемых закрыли задолженности.',
      organisation,
      authors: [
        { name: 'Смирнова Ольга Викторовна (демо)', authorRole: 'куратор', publicationConsent: true },
        { name: 'Волкова Дарья (демо)', authorRole: 'наставник', publicationConsent: false },
      ],
      tags: ['ученик – ученик', 'математика'],
      periodText: '2025/26 учебный год, I четверть',
      reviewState: 'approved',
      reviewerNote: 'Одобрено методистом (демо).',
    },
  });
  await strapi.documents('plugin::nastavnik.case').publish({ documentId: demoCase.documentId });

  await strapi.documents('plugin::nastavnik.site-section').create({
    data: {
      organisation,
      title: 'Наставничество',
      intro:
        'Целевая модель наставничества помогает каждому ученику и педагогу раскрыть свой потенциал (демо-страница).',
      curatorContact: {
        name: 'Смирнова Ольга Викторовна (демо)',
        position: 'куратор',
        phone: '+7 900 000-00-01',
        email: 'o.smirnova.demo@example.org',
        publicationConsent: false,
      },
      featuredProgrammes: [teachers.documentId, pupils.documentId],
      featuredCases: [demoCase.documentId],
      documents: [
        {
          kind: 'regulation',
          title: 'Положение о наставничестве (демо)',
          url: 'https://bor-demo-school.example.org/nastavnichestvo/polozhenie.pdf',
          date: '2025-09-01',
        },
      ],
      showKpis: true,
      showRoadmap: true,
    },
    status: 'published',
  });
  await seedDemoSection(strapi, organisation);
  return true;
}
