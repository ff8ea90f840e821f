/**
 * What the five seed road maps say, written down by reading the documents (seeds/documents/*.txt),
 * not by running the parser. Shared by the text, DOCX and HTML golden tests so every input format
 * has to reach the same reading.
 *
 * Where a text export garbled the original (002 rows 22–23 and 36.1, where the PDF put pieces of a
 * cell on the wrong line), the expectation is what the export says, and the comment says so.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type {
  DeadlineKind,
  DeadlineWindow,
  ImportResult,
  DeadlineRecurrence,
  Responsible,
  RoadmapDraft,
} from '../schema.js';
import { defined } from './defined.js';

export const seedFiles = {
  '000': '000_a5a77a3323ec67d5.txt',
  '001': '001_fe83f31ea58b8567.txt',
  '002': '002_db8d1829a7005edf.txt',
  '003': '003_f7e464f6b44e5cd5.txt',
  '004': '004_1707aec2463359f6.txt',
} as const;
export type SeedId = keyof typeof seedFiles;

export function seedText(id: SeedId): string {
  return readFileSync(new URL(`../../../../seeds/documents/${seedFiles[id]}`, import.meta.url), 'utf8');
}

const P = (name: string, position?: string): Responsible =>
  position ? { kind: 'person', name, position } : { kind: 'person', name };
const R = (name: string): Responsible => ({ kind: 'role', name });
const B = (name: string): Responsible => ({ kind: 'body', name });
const w = (start: string | null, end: string | null): DeadlineWindow => ({ start, end });
const month = (y: number, m: number): DeadlineWindow => {
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const mm = String(m).padStart(2, '0');
  return w(`${y}-${mm}-01`, `${y}-${mm}-${last}`);
};

export interface ActivityExpectation {
  /** 1-based position among the document's activities. */
  order: number;
  code: string;
  title: string;
  sectionCode?: string;
  sectionTitle: string;
  stage?: string;
  content?: string | string[];
  deadline: {
    text: string;
    kind: DeadlineKind;
    windows: DeadlineWindow[];
    recurrence?: DeadlineRecurrence | null;
  };
  responsible: { text: string; parsed: Responsible[] };
  /** `null`: the document gives no result for this activity. */
  result: string | null;
  sourceRows?: number[];
}

export interface SeedExpectation {
  title: string;
  organisationName: string;
  level: RoadmapDraft['level'];
  period: { start: number; end: number; academicYear: boolean; source: string };
  approval?: Partial<NonNullable<RoadmapDraft['approval']>>;
  sections: Array<{ code?: string; title: string; level: number; details?: number }>;
  activityCount: number;
  activities: ActivityExpectation[];
  kpis: Array<{
    code?: string;
    titleStart: string;
    unit: string;
    formulaStart?: string;
    values: number[];
    bound: 'exact' | 'min';
  }>;
  kpiYears?: number[];
  contingent?: Array<{ date: string; kind: 'fact' | 'forecast'; values: Array<[string, number]> }>;
  workingGroup?: Array<[string, string]>;
  /** Table rows that continue the row above across a page break. */
  mergedRows: number[];
}

const S000 = [
  'Нормативное правовое регулирование внедрения методологии (целевой модели) наставничества обучающихся Средней школы № 40',
  'Организационная, методическая, экспертно-консультационная, информационная и просветительская поддержка участников внедрения целевой модели наставничества',
  'Внедрение целевой модели наставничества в Средней школе № 40',
  'Содействие распространению и внедрению лучших наставнических практик, различных форм и ролевых моделей для обучающихся, педагогов и молодых специалистов',
  'Мониторинг и оценка результатов внедрения целевой модели наставничества',
  'Координация и управление реализацией внедрения целевой модели наставничества',
] as const;
const school2020 = w('2020-09-01', '2024-08-31');
const sapPer = [P('Сапельцева О.И.'), P('Першина Т.В.')];

const e000: SeedExpectation = {
  title:
    'План мероприятий (дорожная карта) внедрения методологии (целевой модели) наставничества обучающихся Средней школы № 40',
  organisationName: 'Средней школы № 40',
  level: 'organisation',
  // «Средней школы № 40 с 2020 г. по 2024 г.»; the plan starts in October, so months run Sept → Aug.
  period: { start: 2020, end: 2024, academicYear: true, source: 'text' },
  approval: {
    orderNumber: '285',
    date: '2020-10-07',
    approver: 'Директор',
    organisation: 'Средней школы № 40',
  },
  sections: S000.map((title, i) => ({ code: i === 0 ? '1.' : String(i + 1), title, level: 1 })),
  activityCount: 27,
  activities: [
    {
      order: 1,
      code: 'a.',
      sectionCode: '1.',
      sectionTitle: S000[0],
      title:
        'Назначение куратора внедрения целевой модели наставничества в Средней школе № 40 (далее - куратор внедрения ЦМН)',
      deadline: { text: 'До 01 октября', kind: 'until', windows: [w(null, '2020-10-01')] },
      responsible: { text: 'Баева С.Н.', parsed: [P('Баева С.Н.')] },
      result: 'Приказ ОО',
      sourceRows: [4],
    },
    {
      // Continued on the next page (item 1.g): the row without a number completes the title.
      order: 7,
      code: 'g.',
      sectionCode: '1.',
      sectionTitle: S000[0],
      title:
        'Разработка и утверждение мер по обеспечению доступности программ наставничества для обучающихся с особыми образовательными потребностями и индивидуальными возможностями, в том числе для обучающихся с ограниченными возможностями здоровья, обучающихся, проявивших выдающиеся способности, обучающихся, попавших в трудную жизненную ситуацию, а также обучающихся из малоимущих семей, проживающих в сельской местности и на труднодоступных и отдаленных территориях, детей-сирот (оставшихся без попечения родителей).',
      deadline: { text: 'До 01 ноября', kind: 'until', windows: [w(null, '2020-11-01')] },
      responsible: { text: 'Баева С.Н. Сапельцева О.И.', parsed: [P('Баева С.Н.'), P('Сапельцева О.И.')] },
      result: 'Распорядительные акты',
      sourceRows: [10, 11],
    },
    {
      order: 11,
      code: 'd.',
      sectionCode: '2',
      sectionTitle: S000[1],
      title:
        'Информирование педагогов, родителей, обучающихся образовательных организаций, сообщества выпускников, предприятий о реализации целевой модели наставничества',
      deadline: { text: 'октябрь - ноябрь', kind: 'range', windows: [w('2020-10-01', '2020-11-30')] },
      responsible: { text: 'Сапельцева О.И.', parsed: [P('Сапельцева О.И.')] },
      result: 'Информационная кампания',
    },
    {
      // The list written in the title cell becomes the content.
      order: 15,
      code: 'c.',
      sectionCode: '3',
      sectionTitle: S000[2],
      title: 'Организация работы наставнических пар или групп',
      content: [
        'встреча-знакомство',
        'пробная встреча',
        'встреча-планирование',
        'совместная работа наставника и наставляемого (комплекс последовательных встреч с обязательным заполнением обратной связи)',
        'итоговая встреча.',
      ],
      deadline: {
        text: 'в соответствии со сроками реализации программ наставничества',
        kind: 'external',
        windows: [],
      },
      responsible: { text: 'Сапельцева О.И. Першина Т.В.', parsed: sapPer },
      result: 'Реализация программ наставничества',
    },
    {
      order: 17,
      code: 'a.',
      sectionCode: '4',
      sectionTitle: S000[3],
      title:
        'Участие в тематических мероприятиях (фестивалях, форумах, конференциях наставников, конкурсах профессионального мастерства), нацеленных на популяризацию роли наставника',
      deadline: { text: 'В течение года', kind: 'continuous', windows: [school2020] },
      responsible: { text: 'Сапельцева О.И.', parsed: [P('Сапельцева О.И.')] },
      result: 'Утвержден комплекс тематических мероприятий',
    },
    {
      // Title and result both continue on the next page.
      order: 21,
      code: 'a.',
      sectionCode: '5',
      sectionTitle: S000[4],
      title:
        'Осуществление персонализированного учета обучающихся, молодых специалистов и педагогов, участвующих в программах наставничества',
      deadline: { text: 'в течение всего периода', kind: 'continuous', windows: [school2020] },
      responsible: { text: 'Сапельцева О.И. Першина Т.В.', parsed: sapPer },
      result:
        'Сформированы первичные данные для проведения оценки вовлеченности обучающихся в различные формы наставничества',
      sourceRows: [30, 31],
    },
    {
      order: 23,
      code: 'c.',
      sectionCode: '5',
      sectionTitle: S000[4],
      title: 'Проведение внутреннего мониторинга реализации и эффективности программ наставничества',
      deadline: {
        text: 'Декабрь, май',
        kind: 'recurring',
        windows: [month(2020, 12), month(2021, 5)],
        recurrence: { frequency: 'yearly', months: [12, 5] },
      },
      responsible: { text: 'Сапельцева О.И. Першина Т.В.', parsed: sapPer },
      result:
        'Получены данные о процессе и реализации программ наставничества от участников программ и иных причастных к программам лиц',
    },
    {
      order: 26,
      code: 'f.',
      sectionCode: '5',
      sectionTitle: S000[4],
      title:
        'Оценка мотивационно-личностного, компетентностного, профессионального роста участников целевой модели наставничества',
      deadline: { text: 'Июнь', kind: 'date', windows: [month(2021, 6)] },
      responsible: {
        text: 'Сапельцева О.И. Першина Т.В. организации - партнеры',
        parsed: [...sapPer, B('Организации - партнеры')],
      },
      result: 'Оформлены и обобщены материалы в соответствии с приложением 2 к методическим рекомендациям',
    },
    {
      // «a.» has only its title; the next row (no number) brings the list, the deadline and the rest.
      order: 27,
      code: 'a.',
      sectionCode: '6',
      sectionTitle: S000[5],
      title: 'Контроль реализации мероприятий по внедрению целевой модели наставничества: на уровне школы',
      content: [
        'контроль процедуры внедрения целевой модели наставничества',
        'контроль проведения программ наставничества.',
      ],
      deadline: { text: 'В течение всего периода внедрения ЦМН', kind: 'continuous', windows: [school2020] },
      responsible: {
        text: 'Сапельцева О.И. Першина Т.В. Баева С.Н.',
        parsed: [...sapPer, P('Баева С.Н.')],
      },
      result: 'Обеспечение условий реализации ЦМН',
      sourceRows: [38, 39],
    },
  ],
  kpis: [
    {
      code: '1',
      titleStart:
        'Доля детей и молодежи в возрасте от 10 до 18 лет, обучающихся Средней школы № 40, вошедших в программы наставничества в роли наставляемого',
      unit: '%',
      formulaStart:
        'отношение количества детей и молодежи в возрасте от 10 до 18 лет, вошедших в программы наставничества в роли наставляемого',
      values: [10, 20, 35, 50, 70],
      bound: 'exact',
    },
    {
      code: '2',
      titleStart: 'Доля детей и молодежи в возрасте от 15 до 18 лет',
      unit: '%',
      formulaStart:
        'отношение количества детей и молодежи в возрасте от 15 до 18 лет, вошедших в программы наставничества в роли наставника',
      values: [2, 4, 6, 8, 10],
      bound: 'exact',
    },
    {
      code: '3',
      titleStart: 'Доля учителей - молодых специалистов (с опытом работы от 0 до 3 лет)',
      unit: '%',
      formulaStart: 'отношение количества учителей – молодых специалистов',
      values: [100, 100, 100, 100, 100],
      bound: 'exact',
    },
    {
      code: '4',
      titleStart: 'Количество предприятий (организаций) от общего количества организаций',
      unit: '%',
      formulaStart: 'количество предприятий (организаций), предоставивших своих сотрудников',
      values: [1, 2, 3, 4, 5],
      bound: 'exact',
    },
    {
      code: '5',
      titleStart: 'Уровень удовлетворенности наставляемых участием в программах наставничества (опросный)',
      unit: '%',
      formulaStart: 'отношение количества наставляемых, удовлетворенных участием',
      values: [50, 55, 60, 70, 85],
      bound: 'exact',
    },
    {
      code: '6',
      titleStart: 'Уровень удовлетворенности наставников участием в программах наставничества (опросный)',
      unit: '%',
      formulaStart: 'отношение количества наставников, удовлетворенных участием',
      values: [50, 55, 60, 70, 85],
      bound: 'exact',
    },
  ],
  mergedRows: [11, 20, 31, 39],
};

const S001 = [
  'Подготовка условий для реализации целевой модели наставничества',
  'Формирование базы наставляемых',
  'Формирование базы наставников',
  'Отбор и обучение наставников',
  'Формирование наставнических пар/групп',
  'Организация работы наставнических пар или групп',
  'Завершение наставничества',
] as const;

const e001: SeedExpectation = {
  title:
    'Дорожная карта (план мероприятий) по реализации целевой модели наставничества в МБОУ ДО «Бокситогорская детская школа искусств» на 2022г.',
  organisationName: 'МБОУ ДО «Бокситогорская детская школа искусств»',
  level: 'organisation',
  period: { start: 2022, end: 2022, academicYear: false, source: 'text' },
  // The «№» and «Этапы» columns number the stages; activities have no numbers of their own.
  sections: S001.map((title, i) => ({ code: `${i + 1}.`, title, level: 1 })),
  activityCount: 16,
  activities: [
    {
      order: 1,
      code: '',
      sectionCode: '1.',
      sectionTitle: S001[0],
      stage: S001[0],
      title: 'Изучение и систематизация имеющихся материалов по реализации целевой модели наставничества',
      content: [
        'Изучение Методических рекомендаций по разработке и внедрению системы (целевой модели) наставничества педагогических работников в образовательных организациях.',
      ],
      deadline: {
        text: '01.01.2022г.- 15.02.2022г.',
        kind: 'range',
        windows: [w('2022-01-01', '2022-02-15')],
      },
      responsible: { text: 'Директор', parsed: [R('Директор')] },
      result: null,
    },
    {
      order: 3,
      code: '',
      sectionCode: '1.',
      sectionTitle: S001[0],
      stage: S001[0],
      title:
        'Информирование обучающихся, их родителей (законных представителей), педагогов, выпускников, работодателей и др. о целях и возможностях целевой модели наставничества',
      content: [
        'Проведение педагогического совета.',
        'Проведение родительских собраний.',
        'Проведение собрания для обучающихся.',
        'Размещение информации на сайте МБОУ ДО «Бокситогорская детская школа искусств». Обновление раздела «Реализация целевой модели наставничества» в МБОУ ДО «БДШИ».',
        'Информирование внешней среды (заинтересованные в наставничестве аудитории - выпускники, работодатели, специалисты).',
      ],
      deadline: {
        text: '01.01.2022г.- 28.02.2022г.,',
        kind: 'range',
        windows: [w('2022-01-01', '2022-02-28')],
      },
      responsible: { text: 'Директор, Куратор', parsed: [R('Директор'), R('Куратор')] },
      result: null,
    },
    {
      // The third item of the list continues on the next page.
      order: 4,
      code: '',
      sectionCode: '1.',
      sectionTitle: S001[0],
      stage: S001[0],
      title: 'Выбор форм и программ наставничества, исходя из потребностей ОО',
      content: [
        'Проведение мониторинга по выявлению предварительных запросов от потенциальных наставляемых и от заинтересованной в наставничестве аудитории внутри ОО.',
        'Проведение административного совещания по вопросам реализации целевой модели наставничества. Выбор форм и программ наставничества.',
        'Формирование банка программ по формам наставничества «ученик-ученик», «студент-ученик», «учитель-учитель», «работодатель (профессионал)-ученик» в зависимости от запросов ОО.',
      ],
      deadline: {
        text: '01.02.2022г.- 28.02.2022г.',
        kind: 'range',
        windows: [w('2022-02-01', '2022-02-28')],
      },
      responsible: { text: 'Директор, куратор', parsed: [R('Директор'), R('Куратор')] },
      result: null,
      sourceRows: [5, 6],
    },
    {
      // Title, content and the deadline arrive in two pieces across a page break.
      order: 10,
      code: '',
      sectionCode: '4.',
      sectionTitle: S001[3],
      stage: S001[3],
      title: 'Обучение наставников для работы с наставляемыми',
      content: [
        'Организация участия наставников в вебинарах, семинарах, совещаниях, консультациях Регионального наставнического центра Ленинградской области (ГБОУ ДО «Центр Ладога»).',
      ],
      deadline: { text: '01.03.2022г.', kind: 'date', windows: [w('2022-03-01', '2022-03-01')] },
      responsible: { text: '', parsed: [] },
      result: null,
      sourceRows: [12, 13],
    },
    {
      order: 11,
      code: '',
      sectionCode: '5.',
      sectionTitle: S001[4],
      stage: S001[4],
      title: 'Отбор наставников и наставляемых',
      content: [
        'Анализ заполненных анкет потенциальных наставников и сопоставление данных с анкетами наставляемых.',
        'Организация групповой встречи наставников и наставляемых.',
        'Проведение анкетирования на предмет предпочитаемого наставника/наставляемого после завершения групповой встречи.',
        'Анализ анкет групповой встречи и соединение наставников и наставляемых в пары/группы.',
      ],
      deadline: { text: 'с 01.03.2022г.', kind: 'from', windows: [w('2022-03-01', null)] },
      responsible: { text: 'Куратор', parsed: [R('Куратор')] },
      result: null,
    },
    {
      order: 15,
      code: '',
      sectionCode: '7.',
      sectionTitle: S001[6],
      stage: S001[6],
      title: 'Отчеты по итогам наставнической программы',
      content: [
        'Проведение мониторинга личной удовлетворенности участием в программе наставничества.',
        'Проведение мониторинга качества реализации программы наставничества.',
        'Мониторинг и оценка влияния программ на всех участников.',
      ],
      deadline: { text: 'с 01.05.2022г.', kind: 'from', windows: [w('2022-05-01', null)] },
      responsible: { text: 'Куратор', parsed: [R('Куратор')] },
      result: null,
      sourceRows: [18, 19],
    },
    {
      // The last row has no deadline and no responsible: kept, with warnings.
      order: 16,
      code: '',
      sectionCode: '7.',
      sectionTitle: S001[6],
      stage: S001[6],
      title: 'Мотивация и поощрение наставников',
      content: [
        'Приказ о поощрение участников наставнической деятельности.',
        'Благодарственные письма партнерам.',
        'Издание приказа «О проведения итогового мероприятия в рамках реализации целевой модели наставничества».',
        'Публикация результатов программы наставничества, лучших наставников, информации на сайте ОО и организаций партнеров.',
      ],
      deadline: { text: '', kind: 'unknown', windows: [] },
      responsible: { text: '', parsed: [] },
      result: null,
    },
  ],
  kpis: [],
  mergedRows: [6, 13, 19],
};

const S002 = [
  'Нормативно-правовое регулирование внедрения методологии (целевой модели) наставничества обучающихся для организаций, осуществляющих образовательную деятельность по общеобразовательным и дополнительным общеобразовательным общеразвивающим программам, в том числе с применением лучших практик обмена опытом между обучающимися в городском округе г.Бор (далее – целевая модель наставничества)',
  'Организационная, методическая, экспертно-консультационная, информационная и просветительская поддержка участников внедрения целевой модели наставничества',
  'Обеспечение реализации мер по дополнительному профессиональному образованию наставников и кураторов в различных форматах, в том числе с применением дистанционных образовательных технологий',
  'Внедрение целевой модели наставничества в образовательных организациях городского округа г.Бор в 2020 году',
  'Содействие распространению и внедрению лучших наставнических практик, различных форм и ролевых моделей для обучающихся, педагогов и молодых специалистов',
  'Мониторинг и оценка результатов внедрения целевой модели наставничества',
  'Мониторинг процесса реализации программ наставничества (в соответствии с материалами методических рекомендаций, утвержденных распоряжением Минпросвещения России от 25.12.2019 № Р-145)',
  'Координация и управление реализацией внедрения целевой модели наставничества',
  'Контроль реализации мероприятий по внедрению целевой модели наставничества',
] as const;
const curators = 'Кураторы внедрения целевой модели наставничества в образовательных организациях';
const oo = B('Образовательные организации');

const e002: SeedExpectation = {
  title:
    'План мероприятий (дорожную карту) внедрения методологии (целевой модели) наставничества обучающихся для организаций, осуществляющих образовательную деятельность по общеобразовательным и дополнительным общеобразовательным общеразвивающим программам, в том числе с применением лучших практик обмена опытом между обучающимися в городском округе г.Бор',
  organisationName:
    'УПРАВЛЕНИЕ ОБРАЗОВАНИЯ И МОЛОДЕЖНОЙ ПОЛИТИКИ АДМИНИСТРАЦИИ ГОРОДСКОГО ОКРУГА ГОРОД БОР НИЖЕГОРОДСКОЙ ОБЛАСТИ',
  level: 'municipal',
  // No period is written; the deadlines run from 29.05.2020 to May 2021.
  period: { start: 2020, end: 2021, academicYear: false, source: 'deadlines' },
  approval: {
    orderNumber: '435-о',
    date: '2020-06-01',
    approver: 'Начальник',
    approverName: 'Л.А.Алексеева',
    organisation: 'Управления образования и молодежной политики администрации городского округа г.Бор',
  },
  // Six stage headers without a number, and two numbered groups inside them (35, 36).
  sections: S002.map((title, i) => ({
    ...(i === 6 ? { code: '35' } : i === 8 ? { code: '36' } : {}),
    title,
    level: i === 6 || i === 8 ? 2 : 1,
  })),
  activityCount: 39,
  activities: [
    {
      order: 1,
      code: '1',
      sectionTitle: S002[0],
      title:
        'Утверждение состава муниципальной рабочей группы по внедрению целевой модели наставничества в 2020 году',
      deadline: { text: '29.05.2020', kind: 'date', windows: [w('2020-05-29', '2020-05-29')] },
      responsible: { text: 'УОиМП', parsed: [B('УОиМП')] },
      result: 'Приказ УОиМП',
    },
    {
      // Item 5 is split over a page break, the responsible «Кураторы» «образовательных организациях»
      // in a row of six cells under five columns.
      order: 5,
      code: '5',
      sectionTitle: S002[0],
      title:
        'Разработка дорожных карт внедрения целевой модели наставничества в образовательных организациях',
      deadline: { text: 'до 22.06.2020', kind: 'until', windows: [w(null, '2020-06-22')] },
      responsible: {
        text: 'Кураторы образовательных организациях',
        parsed: [R('Кураторы образовательных организациях')],
      },
      result: 'Дорожные карты',
      sourceRows: [8, 9],
    },
    {
      // Item 12: title, responsible and a hyphenated result all continue on the next page.
      order: 12,
      code: '12',
      sectionTitle: S002[0],
      title:
        'Разработка и утверждение мер по обеспечению доступности программ наставничества для обучающихся с особыми образовательными потребностями и индивидуальными возможностями, в том числе для обучающихся с ОВЗ, проявивших выдающиеся способности, обучающихся, попавших в трудную жизненную ситуацию, а также обучающихся из малоимущих семей',
      deadline: { text: 'до 20.08.2020', kind: 'until', windows: [w(null, '2020-08-20')] },
      responsible: { text: 'Образовательные организации', parsed: [oo] },
      result: 'Организационно-распорядительная документация',
      sourceRows: [16, 17],
    },
    {
      order: 19,
      code: '19',
      sectionTitle: S002[2],
      title:
        'Организация муниципальных совещаний, семинаров, практикумов по разработке и реализации программно-методических материалов целевой модели наставничества',
      deadline: { text: 'по плану работы УОиМП', kind: 'external', windows: [] },
      responsible: { text: 'ИМЦ', parsed: [B('ИМЦ')] },
      result: 'Письма УОиМП об итогах проведения мероприятий с педагогами',
    },
    {
      // Item 22 continues on the next page. The export put the result of item 23 on that
      // continuation line, so it reads as a second sentence of item 22's result: kept as written.
      order: 22,
      code: '22',
      sectionTitle: S002[3],
      title: 'Формирование базы наставляемых в 2020-2021 учебном году',
      deadline: { text: '01.09.2020 – 15.09.2020', kind: 'range', windows: [w('2020-09-01', '2020-09-15')] },
      responsible: { text: curators, parsed: [R(curators)] },
      result:
        'База наставляемых с перечнем запросов, необходимая для подбора кандидатов в наставники Сформирована база наставников для участия в программах наставничества в 2020-2021 учебном году, подходящая для конкретных программ и запросов наставляемых',
      sourceRows: [30, 31],
    },
    {
      order: 24,
      code: '24',
      sectionTitle: S002[3],
      title: 'Обучение наставников',
      deadline: { text: 'по отдельному графику', kind: 'external', windows: [] },
      responsible: { text: '', parsed: [] },
      result: null,
    },
    {
      order: 27,
      code: '27',
      sectionTitle: S002[3],
      title: 'Завершение наставничества',
      content: [
        'подведение итогов работы в формате личной и групповой рефлексии',
        'проведение открытого публичного мероприятия',
      ],
      deadline: {
        text: 'в соответствии со сроками реализации программ наставничества или май 2021 года',
        kind: 'external',
        windows: [month(2021, 5)],
      },
      responsible: { text: curators, parsed: [R(curators)] },
      result:
        'Фиксация результатов и организация комфортного выхода наставника и наставляемого из программы с перспективой продолжения цикла',
    },
    {
      // Item 28: six cells, the result split in two («Сформирована» | «система»), continued on the next page.
      order: 28,
      code: '28',
      sectionTitle: S002[4],
      title:
        'Создание специальных рубрик в социальных сетях, на образовательных ресурсах официальных сайтах образовательных организаций',
      deadline: { text: 'до 01.10.2020', kind: 'until', windows: [w(null, '2020-10-01')] },
      responsible: { text: 'Образовательные организации', parsed: [oo] },
      result: 'Сформирована система наставничества через сеть Интернет',
      sourceRows: [38, 39],
    },
    {
      // The deadline «сентябрь-декабрь» gets its year «2020 года» from the next page.
      order: 34,
      code: '34',
      sectionTitle: S002[5],
      title: 'Сбор результатов мониторинга реализации программ наставничества в образовательных организациях',
      deadline: {
        text: 'сентябрь-декабрь 2020 года',
        kind: 'range',
        windows: [w('2020-09-01', '2020-12-31')],
      },
      responsible: { text: 'УОиМП', parsed: [B('УОиМП')] },
      result:
        'Получены и обобщены на муниципальном уровне данные о внедрении целевой модели наставничества в образовательных организациях',
      sourceRows: [46, 47],
    },
    {
      order: 35,
      code: '35.1.',
      sectionCode: '35',
      sectionTitle: S002[6],
      title: 'Оценка качества реализации программ наставничества',
      deadline: { text: 'Декабрь 2020 года', kind: 'date', windows: [month(2020, 12)] },
      responsible: {
        text: `${curators}, организации-партнеры`,
        parsed: [R(curators), B('Организации-партнеры')],
      },
      result: 'Оформлены и обобщены материалы в соответствии с приложением 2 к методическим рекомендациям',
    },
    {
      // «УОиМП | УОиМП»: one merged cell printed twice.
      order: 38,
      code: '36.2.',
      sectionCode: '36',
      sectionTitle: S002[8],
      title: 'На уровне муниципалитета',
      content: [
        'достижение целевых показателей внедрения целевой модели наставничества на уровне муниципалитета',
        'соблюдение норм законодательства при внедрении целевой модели наставничества',
      ],
      deadline: { text: '01.06.2020 – 31.12.2020', kind: 'range', windows: [w('2020-06-01', '2020-12-31')] },
      responsible: { text: 'УОиМП', parsed: [B('УОиМП')] },
      result: 'Предоставление контрольно-аналитических материалов в УОиМП',
    },
    {
      // «37» is not part of group 36: it belongs to the stage «Координация и управление …».
      order: 39,
      code: '37',
      sectionTitle: S002[7],
      title: 'Координирование внедрения целевой модели наставничества на уровне муниципалитета',
      deadline: {
        text: 'в течение всего периода внедрения целевой модели наставничества',
        kind: 'continuous',
        windows: [w('2020-01-01', '2021-12-31')],
      },
      responsible: { text: 'УОиМП', parsed: [B('УОиМП')] },
      result: 'Обеспечение условий реализации целевой модели наставничества',
    },
  ],
  kpis: [],
  // «Фамилия Отчество | Имя | Должность» in the export; the first name goes back in the middle.
  workingGroup: [
    [
      'Оленева Наталья Сергеевна',
      'Начальник отдела воспитания, дополнительного образования и молодежной политики',
    ],
    ['Чулкова Наталья Витальевна', 'Начальник отдела кадрово-правового обеспечения'],
    ['Ембахова Ольга Константиновна', 'Начальник ИМЦ'],
    ['Аникина Надежда Геннадьевна', 'Заведующий сектором молодежной политики'],
    ['Бархатова Ольга Владимирова', 'Педагог-организатор МБУ ДО ЦВР «Алиса»'],
    ['Маслеева Ирина Викторовна', 'Педагог-организатор МБУ ДО ЦВР «Алиса»'],
    ['Ознецян Екатерина Алексеевна', 'Методист-организатор ИМЦ'],
    ['Рогова Татьяна Сергеевна', 'Заместитель директора МАОУ СШ №4'],
    ['Шведова Светлана Юрьевна', 'Заместитель директора МАОУ СШ №8'],
  ],
  mergedRows: [9, 17, 31, 39, 47, 54],
};

const S003 = [
  'Подготовка условий для запуска программы наставничества',
  'Формирование базы наставляемых',
  'Формирование базы наставников',
  'Отбор и обучение наставников',
  'Формирование наставнических пар или групп',
  'Организация работы наставнических пар или групп',
  'Завершение наставничества',
] as const;
const belyh = P('Белых Е.В.', 'зам. директора по УР');
const kazantseva = P('Казанцева Л.А.', 'зам. директора по УВР');
const belyhKaz = 'Белых Е.В., зам. директора по УР Казанцева Л.А., зам. директора по УВР';

const e003: SeedExpectation = {
  title:
    'План мероприятий («дорожная карта») внедрения целевой модели наставничества в Кировском областном государственном профессиональном образовательном автономном учреждении «Нолинский политехнический техникум»',
  // As written in the title (prepositional case): the engine does not decline names.
  organisationName:
    'Кировском областном государственном профессиональном образовательном автономном учреждении «Нолинский политехнический техникум»',
  level: 'organisation',
  period: { start: 2020, end: 2022, academicYear: false, source: 'deadlines' },
  // Each stage row also states its task and result («Задача: …», «Результат: …»); stage 7 a goal too.
  sections: S003.map((title, i) => ({ code: String(i + 1), title, level: 1, details: i === 6 ? 3 : 2 })),
  activityCount: 35,
  activities: [
    {
      order: 1,
      code: '1.1',
      sectionCode: '1',
      sectionTitle: S003[0],
      title:
        'Информирование педагогического сообщества образовательной организации о реализации программы наставничества',
      deadline: { text: 'Ноябрь 2020', kind: 'date', windows: [month(2020, 11)] },
      responsible: {
        text: 'Б.Б. Буторин, директор техникума',
        parsed: [P('Буторин Б.Б.', 'директор техникума')],
      },
      result: null,
    },
    {
      order: 6,
      code: '2.2',
      sectionCode: '2',
      sectionTitle: S003[1],
      title:
        'Сбор дополнительной информации о запросах, наставляемых (обучающиеся/педагоги) от третьих лиц: классный руководитель, психолог, соцработник, родители. Сбор согласий на сбор и обработку персональных данных от законных представителей несовершеннолетних участников',
      deadline: { text: 'Ноябрь 2020', kind: 'date', windows: [month(2020, 11)] },
      responsible: {
        text: 'Казанцева Л.А., зам. директора по УВР Шастина В.А., зав. филиалом',
        parsed: [kazantseva, P('Шастина В.А.', 'зав. филиалом')],
      },
      result: null,
    },
    {
      order: 13,
      code: '4.2',
      sectionCode: '4',
      sectionTitle: S003[3],
      title: 'Проведение собеседования с наставниками (в некоторых случаях с привлечением психолога)',
      deadline: { text: 'Апрель 2021', kind: 'date', windows: [month(2021, 4)] },
      responsible: {
        text: 'Буторин Б.Б., директор техникума Белых Е.В., зам. директора по УР',
        parsed: [P('Буторин Б.Б.', 'директор техникума'), belyh],
      },
      result: null,
    },
    {
      // Title and the second responsible continue on the next page.
      order: 22,
      code: '6.3',
      sectionCode: '6',
      sectionTitle: S003[5],
      title:
        'Проведение встречи-планирования рабочего процесса в рамках программы наставничества с наставником и наставляемым',
      deadline: { text: 'Февраль 2022', kind: 'date', windows: [month(2022, 2)] },
      responsible: { text: belyhKaz, parsed: [belyh, kazantseva] },
      result: null,
      sourceRows: [29, 30],
    },
    {
      order: 23,
      code: '6.4',
      sectionCode: '6',
      sectionTitle: S003[5],
      title: 'Регулярные встречи наставника и наставляемого',
      deadline: { text: 'Февраль-май 2022', kind: 'range', windows: [w('2022-02-01', '2022-05-31')] },
      responsible: { text: belyhKaz, parsed: [belyh, kazantseva] },
      result: null,
    },
    {
      // The position of the second person continues on the next page.
      order: 29,
      code: '7.2',
      sectionCode: '7',
      sectionTitle: S003[6],
      title:
        'Проведение торжественного мероприятия для подведения итогов программы наставничества и награждения лучших наставников',
      deadline: { text: 'Июнь 2022', kind: 'date', windows: [month(2022, 6)] },
      responsible: { text: belyhKaz, parsed: [belyh, kazantseva] },
      result: null,
      sourceRows: [38, 39],
    },
    {
      order: 35,
      code: '7.8',
      sectionCode: '7',
      sectionTitle: S003[6],
      title: 'Формирование долгосрочной базы наставников',
      deadline: { text: 'Декабрь 2022', kind: 'date', windows: [month(2022, 12)] },
      responsible: { text: belyhKaz, parsed: [belyh, kazantseva] },
      result: null,
    },
  ],
  // Section 5 «Перспективные результаты»: coverage «не менее N% в YYYY году».
  kpis: [
    {
      titleStart: 'Охват программами наставничества: обучающихся',
      unit: '%',
      values: [5, 10, 20, 30, 40],
      bound: 'min',
    },
    {
      titleStart: 'Охват программами наставничества: педагогических работников',
      unit: '%',
      values: [10, 20, 30, 50, 70],
      bound: 'min',
    },
  ],
  // Section 4 «Характеристика контингента техникума».
  contingent: [
    {
      date: '2020-09-01',
      kind: 'fact',
      values: [
        ['1', 443],
        ['1.1', 129],
        ['1.2', 118],
        ['1.3', 89],
        ['1.4', 107],
        ['1.5', 40],
        ['1.6', 12],
        ['1.7', 11],
        ['2', 44],
        ['2.1', 18],
        ['2.2', 5],
        ['2.3', 7],
        ['2.4', 5],
        ['2.5', 15],
        ['3', 12],
        ['4', 25],
        ['5', 1],
      ],
    },
    {
      date: '2021-09-01',
      kind: 'forecast',
      values: [
        ['1', 499],
        ['1.1', 163],
        ['1.2', 129],
        ['1.3', 118],
        ['1.4', 89],
        ['1.5', 40],
        ['1.6', 16],
        ['1.7', 8],
        ['2', 44],
        ['2.1', 18],
        ['2.2', 5],
        ['2.3', 7],
        ['2.4', 5],
        ['2.5', 15],
        ['3', 12],
        ['4', 30],
        ['5', 2],
      ],
    },
  ],
  mergedRows: [30, 39],
};

const S004 = [
  'Подготовка нормативной базы реализации целевой модели наставничества',
  'Информирование педагогического сообщества о реализации региональной программы многофункционального наставничества',
  'Анализ исходных условий и возможностей общеобразовательных организаций по внедрению региональной программы многофункционального наставничества',
  'Создание наставнических пар, триад, малых групп',
  'Формирование баз наставников и наставляемых',
  'Реализация программ наставничества',
  'Повышение уровня профессионального мастерства/мотивации педагогических работников, задействованных в программе наставничества',
  'Проведение внутреннего мониторинга реализации и эффективности программ наставничества',
  'Заполнение формы федерального статистического наблюдения данных о количестве участников программ наставничества',
] as const;
const bannTar = [P('Банникова Н.А.'), P('Тарасова Н.И.')];
const span2122 = w('2021-01-01', '2022-12-31');

const e004: SeedExpectation = {
  title:
    'ДОРОЖНАЯ КАРТА по внедрению региональной программы многофункционального наставничества педагогических работников в ГБОУ СОШ № 3 им. М.Ф. Леонова с. Приволжье',
  organisationName: 'ГБОУ СОШ № 3 им. М.Ф. Леонова с. Приволжье',
  level: 'organisation',
  period: { start: 2021, end: 2022, academicYear: false, source: 'deadlines' },
  // One cell per line in the export. «Мероприятие» is written once per numbered group and each line of
  // «Содержание деятельности» has its own responsible and deadline: groups are stages, lines are activities.
  // The document is cut off after «9.», so that stage has no activities.
  sections: S004.map((title, i) => ({ code: `${i + 1}.`, title, level: 1 })),
  activityCount: 28,
  activities: [
    {
      // «внедрениюрегиональной» is how the document spells it.
      order: 1,
      code: '',
      sectionCode: '1.',
      sectionTitle: S004[0],
      stage: S004[0],
      title:
        'Изучение нормативных документов по внедрениюрегиональной программы многофункционального наставничества педагогических работников в общеобразовательных организациях.',
      deadline: { text: 'март 2021 г.', kind: 'date', windows: [month(2021, 3)] },
      responsible: { text: 'Банникова Н.А., Тарасова Н.И.', parsed: bannTar },
      result: null,
    },
    {
      order: 3,
      code: '',
      sectionCode: '1.',
      sectionTitle: S004[0],
      stage: S004[0],
      title:
        'Разработка плана мероприятий, направленных на реализацию задач региональной программы многофункционального наставничества педагогических работников.',
      deadline: { text: 'апрель 2021 г.', kind: 'date', windows: [month(2021, 4)] },
      responsible: { text: 'РЦ', parsed: [B('РЦ')] },
      result: null,
    },
    {
      order: 9,
      code: '',
      sectionCode: '1.',
      sectionTitle: S004[0],
      stage: S004[0],
      title:
        'Разработка методической продукции (памятка, буклет) о реализации региональной программы многофункционального наставничества с целью распространения в общеобразовательных организациях.',
      deadline: {
        text: 'в течение всего периода (по мере необходимости)',
        kind: 'continuous',
        windows: [span2122],
      },
      responsible: { text: 'РЦ', parsed: [B('РЦ')] },
      result: null,
    },
    {
      // «РЦ», a blank line, «Тарасова Н.И.»: one cell.
      order: 10,
      code: '',
      sectionCode: '2.',
      sectionTitle: S004[1],
      stage: S004[1],
      title:
        'Создание и наполнение раздела «Наставничество» на сайте РЦ, на сайтах общеобразовательных организаций.',
      deadline: {
        text: 'в течение всего периода (по мере необходимости)',
        kind: 'continuous',
        windows: [span2122],
      },
      responsible: { text: 'РЦ Тарасова Н.И.', parsed: [B('РЦ'), P('Тарасова Н.И.')] },
      result: null,
    },
    {
      order: 18,
      code: '',
      sectionCode: '4.',
      sectionTitle: S004[3],
      stage: S004[3],
      title:
        'Контроль за реализацией мероприятий программ наставничества в общеобразовательных организациях.',
      deadline: { text: 'постоянно', kind: 'continuous', windows: [span2122] },
      responsible: { text: 'ЮЗУ РЦ', parsed: [B('ЮЗУ'), B('РЦ')] },
      result: null,
    },
    {
      order: 19,
      code: '',
      sectionCode: '5.',
      sectionTitle: S004[4],
      stage: S004[4],
      title:
        'Организационное сопровождение реализации программы наставничества педагогических работников в общеобразовательных организациях (рабочие встречи, семинары, совещания по вопросам реализации программы наставничества).',
      deadline: {
        text: 'сентябрь 2021 г. - май 2022 г.',
        kind: 'range',
        windows: [w('2021-09-01', '2022-05-31')],
      },
      responsible: { text: 'РЦ Банникова Н.А., Тарасова Н.И.', parsed: [B('РЦ'), ...bannTar] },
      result: null,
    },
    {
      order: 24,
      code: '',
      sectionCode: '7.',
      sectionTitle: S004[6],
      stage: S004[6],
      title:
        'Организация и проведение анкетирования среди наставнических пар, направленное на определение эффективности реализуемой программы наставничества, анализ результатов.',
      deadline: {
        text: 'октябрь 2021 г., май 2022 г.',
        kind: 'date',
        windows: [month(2021, 10), month(2022, 5)],
      },
      responsible: { text: 'Тарасова Н.И.', parsed: [P('Тарасова Н.И.')] },
      result: null,
    },
    {
      order: 27,
      code: '',
      sectionCode: '8.',
      sectionTitle: S004[7],
      stage: S004[7],
      title:
        'Контроль за подготовкой общеобразовательными организациями формы федерального статистического наблюдения данных о количестве участников программ наставничества и предоставление этих форм в Министерство просвещения Российской Федерации.',
      deadline: {
        text: 'декабрь 2021 г. – январь 2022 г.',
        kind: 'range',
        windows: [w('2021-12-01', '2022-01-31')],
      },
      responsible: { text: 'ЮЗУ РЦ', parsed: [B('ЮЗУ'), B('РЦ')] },
      result: null,
    },
  ],
  kpis: [],
  mergedRows: [],
};

export const seedExpectations: Record<SeedId, SeedExpectation> = {
  '000': e000,
  '001': e001,
  '002': e002,
  '003': e003,
  '004': e004,
};

/** Every expectation of one seed against an import result. */
export function checkSeed(id: SeedId, result: ImportResult): RoadmapDraft {
  const e = seedExpectations[id];
  expect(result.ok, result.ok ? '' : result.error.message).toBe(true);
  if (!result.ok) throw new Error('unreachable');
  const d = result.draft;
  expect(d.title).toBe(e.title);
  expect(d.organisationName).toBe(e.organisationName);
  expect(d.level).toBe(e.level);
  expect(d.period).toMatchObject(e.period);
  if (e.approval) expect(d.approval).toMatchObject(e.approval);
  else expect(d.approval).toBeUndefined();

  expect(d.sections.map((s) => ({ code: s.code, title: s.title, level: s.level }))).toEqual(
    e.sections.map((s) => ({ code: s.code, title: s.title, level: s.level })),
  );
  e.sections.forEach((s, i) => {
    if (s.details !== undefined)
      expect(defined(d.sections[i], `section ${i}`).details ?? []).toHaveLength(s.details);
  });

  expect(d.activities).toHaveLength(e.activityCount);
  expect(d.activities.map((a) => a.order)).toEqual(d.activities.map((_, i) => i + 1));
  for (const a of e.activities) {
    const got = defined(d.activities[a.order - 1], `${id} activity ${a.order}`);
    const where = `${id} activity ${a.order} (${a.code || a.title.slice(0, 30)})`;
    expect(got.code, where).toBe(a.code);
    expect(got.title, where).toBe(a.title);
    expect(got.sectionTitle, where).toBe(a.sectionTitle);
    expect(got.sectionCode, where).toBe(a.sectionCode);
    if (a.stage !== undefined) expect(got.stage, where).toBe(a.stage);
    if (a.content !== undefined) expect(got.content, where).toEqual(a.content);
    expect(got.deadline.text, where).toBe(a.deadline.text);
    expect(got.deadline.kind, where).toBe(a.deadline.kind);
    expect(got.deadline.windows, where).toEqual(a.deadline.windows);
    if (a.deadline.recurrence !== undefined)
      expect(got.deadline.recurrence, where).toEqual(a.deadline.recurrence);
    expect(got.responsible, where).toEqual(a.responsible);
    expect(got.result ?? null, where).toBe(a.result);
    if (a.sourceRows) expect(got.sourceRows, where).toEqual(a.sourceRows);
  }

  expect(d.kpis).toHaveLength(e.kpis.length);
  e.kpis.forEach((k, i) => {
    const got = defined(d.kpis[i], `${id} KPI ${i + 1}`);
    const years = e.kpiYears ?? [2020, 2021, 2022, 2023, 2024];
    if (k.code !== undefined) expect(got.code).toBe(k.code);
    expect(got.title.startsWith(k.titleStart), `${got.title} starts with ${k.titleStart}`).toBe(true);
    expect(got.unit).toBe(k.unit);
    if (k.formulaStart) expect(got.formula?.startsWith(k.formulaStart), got.formula).toBe(true);
    else expect(got.formula).toBeUndefined();
    expect(got.targets).toEqual(years.map((year, j) => ({ year, value: k.values[j], bound: k.bound })));
  });

  expect(
    d.contingent.map((s) => ({
      date: s.date,
      kind: s.kind,
      values: s.metrics.map((m) => [m.code, m.value]),
    })),
  ).toEqual(e.contingent ?? []);
  expect(d.workingGroup.map((m) => [m.fullName, m.position])).toEqual(e.workingGroup ?? []);

  const merged = result.warnings.filter((x) => x.code === 'row_merged').map((x) => x.row);
  expect(merged).toEqual(e.mergedRows);
  return d;
}
