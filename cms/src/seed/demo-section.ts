/**
 * The demo school's public section beyond its programmes and case: a road map under way (some
 * activities done with evidence, some in progress, some overdue, some ahead), KPI targets with a first
 * actual, news and a partner, so a newcomer opening /nastavnichestvo/bor-demo-school/ sees a real section.
 */
import type { Core } from '@strapi/strapi';
import { parseDeadline, parseResponsible, type ActivityStatus, type RoadmapDraft } from '@nastavnik/shared';
import { nastavnikService } from '../nastavnik';

const EVIDENCE = 'https://bor-demo-school.example.org/nastavnichestvo';

const SECTIONS = [
  'Подготовка условий для внедрения целевой модели',
  'Формирование баз наставников и наставляемых',
  'Работа наставнических пар и групп',
  'Завершение программ и подведение итогов',
];

/** [section, code, title, deadline as written, responsible, result, status, evidence] */
const ACTIVITIES: ReadonlyArray<
  readonly [number, string, string, string, string, string, ActivityStatus, string?]
> = [
  [
    0,
    '1.1',
    'Приказ о внедрении целевой модели наставничества',
    'до 15.09.2025',
    'Директор',
    'Приказ ОО',
    'done',
    `${EVIDENCE}/prikaz.pdf`,
  ],
  [
    0,
    '1.2',
    'Утверждение Положения о наставничестве',
    'сентябрь 2025 г.',
    'Куратор',
    'Положение',
    'done',
    `${EVIDENCE}/polozhenie.pdf`,
  ],
  [
    0,
    '1.3',
    'Информационная кампания для обучающихся, родителей и педагогов',
    'в течение всего периода',
    'Куратор',
    'Информационная кампания',
    'in_progress',
  ],
  [
    1,
    '2.1',
    'Анкетирование обучающихся и педагогов: запросы и интересы',
    'октябрь 2025 г.',
    'Куратор',
    'Анкеты',
    'done',
    `${EVIDENCE}/ankety.html`,
  ],
  [1, '2.2', 'Формирование базы наставников', 'до 01.11.2025', 'Куратор', 'База наставников', 'done'],
  [1, '2.3', 'Обучение наставников', 'ноябрь - декабрь 2025 г.', 'Куратор', 'Программа обучения', 'planned'],
  [
    2,
    '3.1',
    'Утверждение наставнических пар и групп приказом',
    'до 30.09.2025',
    'Директор',
    'Приказ ОО',
    'done',
    `${EVIDENCE}/pary.pdf`,
  ],
  [
    2,
    '3.2',
    'Встречи пар и групп по индивидуальным планам',
    'в соответствии со сроками реализации программ наставничества',
    'Наставники',
    'Планы развития',
    'in_progress',
  ],
  [
    2,
    '3.3',
    'Промежуточный мониторинг удовлетворённости участников',
    'Февраль-май 2026',
    'Куратор',
    'Отчёт',
    'planned',
  ],
  [
    3,
    '4.1',
    'Итоговое мероприятие, награждение лучших наставников',
    'май 2027 г.',
    'Директор',
    'Итоговое мероприятие',
    'planned',
  ],
  [
    3,
    '4.2',
    'Публикация кейсов лучших практик на сайте',
    'до 30.06.2027',
    'Куратор',
    'Кейсы на сайте',
    'planned',
  ],
];

function demoRoadmap(): RoadmapDraft {
  const period = { start: 2025, end: 2027, academicYear: true, source: 'input' as const };
  return {
    title: 'Демо: дорожная карта внедрения целевой модели наставничества на 2025–2027 годы',
    organisationName: 'Демонстрационная школа г. Бор',
    level: 'organisation',
    approval: {
      text: 'Утверждена приказом директора от 01.09.2025 № 98-од',
      orderNumber: '98-од',
      date: '2025-09-01',
      approver: 'Директор',
    },
    period,
    sections: SECTIONS.map((title, index) => ({
      index,
      code: String(index + 1),
      title,
      level: 1,
      row: 1 + index,
    })),
    activities: ACTIVITIES.map(
      ([section, code, title, deadline, responsible, result, status, evidence], i) => ({
        order: i + 1,
        code,
        title,
        sectionIndex: section,
        sectionTitle: SECTIONS[section],
        deadline: parseDeadline(deadline, { periodStart: 2025, periodEnd: 2027, academicYear: true }),
        responsible: { text: responsible, parsed: parseResponsible(responsible) },
        result,
        status,
        ...(evidence ? { evidence: [evidence] } : {}),
        rawCells: [code, title, deadline, responsible, result],
        sourceRows: [10 + i],
      }),
    ),
    kpis: [
      {
        code: '1',
        title: 'Доля обучающихся 10–18 лет, вовлечённых в программы наставничества в роли наставляемого',
        formula: 'отношение числа наставляемых 10–18 лет к общему числу обучающихся 10–18 лет',
        unit: '%',
        targets: [
          { year: 2025, value: 10, bound: 'min' },
          { year: 2026, value: 20, bound: 'min' },
          { year: 2027, value: 35, bound: 'min' },
        ],
      },
      {
        code: '2',
        title: 'Удовлетворённость наставляемых участием в программах наставничества',
        unit: '%',
        targets: [
          { year: 2025, value: 50, bound: 'exact' },
          { year: 2026, value: 55, bound: 'exact' },
          { year: 2027, value: 60, bound: 'exact' },
        ],
      },
    ],
    contingent: [],
    workingGroup: [],
  };
}

/** The first year's actual values, as a curator would enter them after the first monitoring. */
const ACTUALS: Record<string, Array<{ year: number; value: number }>> = {
  '1': [{ year: 2025, value: 12 }],
  '2': [{ year: 2025, value: 72 }],
};

export async function seedDemoSection(strapi: Core.Strapi, organisation: string) {
  await nastavnikService(strapi, 'roadmap').seedRoadmap(
    { source: 'demo-roadmap.json', draft: demoRoadmap() },
    organisation,
  );
  const kpis = await strapi.documents('plugin::nastavnik.kpi-indicator').findMany({
    filters: { organisation: { documentId: organisation } },
    fields: ['code'],
  });
  for (const kpi of kpis) {
    const actuals = kpi.code ? ACTUALS[kpi.code] : undefined;
    if (actuals)
      await strapi
        .documents('plugin::nastavnik.kpi-indicator')
        .update({ documentId: kpi.documentId, data: { actuals } });
  }

  const news = [
    {
      title: 'Демо: стартовала программа «Ученик – ученик»',
      slug: 'demo-start-uchenik-uchenik',
      kind: 'news',
      date: '2025-10-01',
      body: '<p>Старшеклассники начали заниматься с шестиклассниками математикой: встречи проходят раз в неделю после уроков.</p>',
    },
    {
      title: 'Демо: открытый урок молодого педагога',
      slug: 'demo-otkrytyj-urok',
      kind: 'event',
      date: '2026-03-16',
      body: '<p>Молодой учитель математики провёл открытый урок, подготовленный вместе с наставником. На уроке побывали коллеги из школ округа.</p>',
    },
  ] as const;
  for (const item of news)
    await strapi
      .documents('plugin::nastavnik.news-item')
      .create({ data: { ...item, organisation }, status: 'published' });

  await strapi.documents('plugin::nastavnik.partner').create({
    data: { organisation, name: 'АО «Демо-предприятие» (демо)', kind: 'employer', mentorsProvided: 2 },
  });
}
