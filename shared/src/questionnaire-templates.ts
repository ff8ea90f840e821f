/**
 * Standard questionnaires every organisation starts with (stages 2, 3 and 7 of a programme): intake of
 * mentees and of mentors, for learners and for teachers, and satisfaction at the start and at the end.
 * Intake questions use the codes matching reads (`INTAKE_CODES`), and a mentee's requests and a
 * mentor's competences offer the same options, so that answers can meet. Curators copy and edit them.
 */
import { mentoringForms, type QuestionnaireAudience, type QuestionnairePurpose } from './enums.js';
import { INTAKE_CODES } from './matching/score.js';
import type { Question } from './questionnaire.js';

export interface QuestionnaireTemplate {
  title: string;
  audience: QuestionnaireAudience;
  purpose: QuestionnairePurpose;
  questions: Question[];
}

const LEARNER_TOPICS = [
  'подготовка к ОГЭ',
  'подготовка к ЕГЭ',
  'проектная деятельность',
  'олимпиады и конкурсы',
  'профориентация',
  'адаптация в новом коллективе',
  'учебная мотивация',
  'публичные выступления',
  'цифровые навыки',
];
const TEACHER_TOPICS = [
  'методика урока',
  'работа с классом и дисциплина',
  'работа с родителями',
  'школьная документация',
  'подготовка к аттестации',
  'цифровые образовательные инструменты',
  'проектная и исследовательская деятельность учащихся',
  'подготовка учащихся к олимпиадам',
];
const SUBJECTS = [
  'математика',
  'русский язык',
  'литература',
  'физика',
  'химия',
  'биология',
  'информатика',
  'история',
  'обществознание',
  'география',
  'иностранный язык',
  'начальные классы',
  'искусство и музыка',
  'физическая культура',
];
const INTERESTS = [
  'спорт',
  'музыка',
  'театр',
  'чтение',
  'технологии',
  'наука',
  'волонтёрство',
  'туризм',
  'игры',
];
const SLOTS = [
  'пн, после уроков',
  'вт, после уроков',
  'ср, после уроков',
  'чт, после уроков',
  'пт, после уроков',
  'сб',
];
const FORMS = mentoringForms.values.map((f) => mentoringForms.label(f));

const multi = (code: string, text: string, options: string[], required = false): Question => ({
  code,
  text,
  type: 'multichoice',
  options,
  required,
});

function intake(audience: 'mentee' | 'mentor', topics: string[]): Question[] {
  const mentee = audience === 'mentee';
  return [
    mentee
      ? multi(INTAKE_CODES.requests, 'С чем вам нужна помощь наставника?', topics, true)
      : multi(INTAKE_CODES.competences, 'В чём вы можете помочь наставляемому?', topics, true),
    multi(
      INTAKE_CODES.subjects,
      mentee ? 'Какие предметы вызывают трудности?' : 'Какие предметы вы знаете лучше всего?',
      SUBJECTS,
    ),
    multi(INTAKE_CODES.interests, 'Ваши интересы вне учёбы и работы', INTERESTS),
    multi(INTAKE_CODES.availability, 'Когда вам удобно встречаться?', SLOTS, true),
    multi(INTAKE_CODES.preferredForms, 'Какая форма наставничества вам ближе?', FORMS),
    ...(mentee
      ? [
          {
            code: 'expectations',
            text: 'Чего вы ждёте от наставничества?',
            type: 'text' as const,
            required: false,
          },
        ]
      : [
          {
            code: INTAKE_CODES.capacity,
            text: 'Скольких наставляемых вы готовы вести одновременно?',
            type: 'scale' as const,
            min: 1,
            max: 5,
            required: true,
          },
          {
            code: 'experience',
            text: 'Был ли у вас опыт наставничества? Расскажите коротко',
            type: 'text' as const,
            required: false,
          },
        ]),
  ];
}

function satisfaction(moment: 'start' | 'end'): Question[] {
  const scale = (code: string, text: string): Question => ({
    code,
    text,
    type: 'scale',
    min: 1,
    max: 10,
    required: true,
  });
  return moment === 'start'
    ? [
        scale('expectations_clear', 'Насколько понятно, чего ждать от программы наставничества?'),
        scale('pair_comfort', 'Насколько комфортно вам в паре (группе)?'),
        scale('meetings_convenient', 'Насколько удобен график встреч?'),
        { code: 'wishes', text: 'Что стоит изменить в начале работы?', type: 'text', required: false },
      ]
    : [
        scale('overall', 'Насколько вы удовлетворены участием в программе в целом?'),
        scale('goals_reached', 'Насколько достигнуты цели индивидуального плана?'),
        scale('pair_work', 'Оцените работу в паре (группе)'),
        scale('recommend', 'Насколько вы готовы рекомендовать программу другим?'),
        {
          code: 'become_mentor',
          text: 'Хотели бы вы сами стать наставником?',
          type: 'choice',
          options: ['да', 'нет', 'пока не знаю'],
          required: false,
        },
        { code: 'comment', text: 'Что было самым полезным?', type: 'text', required: false },
      ];
}

export const STANDARD_QUESTIONNAIRES: readonly QuestionnaireTemplate[] = [
  {
    title: 'Входная анкета наставляемого (обучающиеся)',
    audience: 'mentee',
    purpose: 'intake',
    questions: intake('mentee', LEARNER_TOPICS),
  },
  {
    title: 'Входная анкета наставника (обучающиеся, студенты, работодатели)',
    audience: 'mentor',
    purpose: 'intake',
    questions: intake('mentor', LEARNER_TOPICS),
  },
  {
    title: 'Входная анкета наставляемого педагога',
    audience: 'mentee',
    purpose: 'intake',
    questions: intake('mentee', TEACHER_TOPICS),
  },
  {
    title: 'Входная анкета педагога-наставника',
    audience: 'mentor',
    purpose: 'intake',
    questions: intake('mentor', TEACHER_TOPICS),
  },
  {
    title: 'Удовлетворённость участием: начало программы',
    audience: 'all',
    purpose: 'satisfaction',
    questions: satisfaction('start'),
  },
  {
    title: 'Удовлетворённость участием: завершение программы',
    audience: 'all',
    purpose: 'satisfaction',
    questions: satisfaction('end'),
  },
];

/**
 * The scale questions of the standard satisfaction questionnaires, by stage (start and end of the
 * programme): the analytic note averages them per programme, form and organisation.
 */
export const satisfactionStageQuestions: Readonly<Record<'start' | 'end', readonly Question[]>> = {
  start: satisfaction('start').filter((q) => q.type === 'scale'),
  end: satisfaction('end').filter((q) => q.type === 'scale'),
};
