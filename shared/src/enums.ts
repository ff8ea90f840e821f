/**
 * Every enumeration of the mentoring domain, defined once with its Russian label.
 * The plugin's schema.json enums are checked against these in a test, and the extension
 * shows the same labels, so a value and its wording cannot drift apart.
 */
import { z } from 'zod';

type Labels<K extends string> = Readonly<Record<K, string>>;

export interface Enumeration<K extends string> {
  readonly values: readonly [K, ...K[]];
  readonly labels: Labels<K>;
  readonly schema: z.ZodEnum<{ [V in K]: V }>;
  label(value: K): string;
}

/** An enumeration from its values and their Russian labels, in display order. */
export function enumeration<const K extends string>(labels: Labels<K>): Enumeration<K> {
  const values = Object.keys(labels) as [K, ...K[]];
  return {
    values,
    labels,
    schema: z.enum(values),
    label: (value) => labels[value],
  };
}

export const organisationKinds = enumeration({
  region: 'Регион (орган управления образованием)',
  regional_centre: 'Региональный наставнический центр',
  municipal_authority: 'Муниципальный орган управления образованием',
  methodical_centre: 'Методический центр (ИМЦ)',
  school: 'Общеобразовательная школа',
  college: 'Колледж, техникум (СПО)',
  arts_school: 'Школа искусств, дополнительное образование',
  kindergarten: 'Детский сад',
});
export type OrganisationKind = (typeof organisationKinds.values)[number];

/** Kinds that supervise the organisations below them (a methodist there reads the whole subtree). */
export const supervisingKinds: readonly OrganisationKind[] = [
  'region',
  'regional_centre',
  'municipal_authority',
  'methodical_centre',
];

export const personCategories = enumeration({
  pupil: 'Обучающийся (школьник)',
  student: 'Студент',
  teacher: 'Педагог',
  young_specialist: 'Молодой специалист',
  graduate: 'Выпускник',
  employer: 'Работодатель, профессионал',
  parent: 'Родитель',
  staff: 'Сотрудник',
});
export type PersonCategory = (typeof personCategories.values)[number];

/**
 * Career periods of teachers as the regional programme of multifunctional mentoring divides them
 * (seed 004: «допрофессиональный период деятельности (группа А), профессионалы (группа Б),
 * суперпрофессионалы (группа В), послепрофессиональный период деятельности (группа Г)»).
 */
export const teacherGroups = enumeration({
  pre_professional: 'А — допрофессиональный период деятельности',
  professional: 'Б — профессионалы',
  super_professional: 'В — суперпрофессионалы',
  post_professional: 'Г — послепрофессиональный период деятельности',
});
export type TeacherGroup = (typeof teacherGroups.values)[number];

export const mentoringForms = enumeration({
  pupil_pupil: 'Ученик – ученик',
  teacher_teacher: 'Учитель – учитель',
  student_pupil: 'Студент – ученик',
  employer_pupil: 'Работодатель – ученик',
  student_student: 'Студент – студент (обучающийся – обучающийся)',
  teacher_student: 'Преподаватель – обучающийся',
  employer_student: 'Работодатель – студент',
  employer_teacher: 'Работодатель – преподаватель',
});
export type MentoringForm = (typeof mentoringForms.values)[number];

export const pairKinds = enumeration({
  pair: 'Пара (один на один)',
  group: 'Группа',
  triad: 'Триада',
});
export type PairKind = (typeof pairKinds.values)[number];

export const pairStatuses = enumeration({
  proposed: 'Предложена',
  approved: 'Закреплена приказом',
  active: 'Работает',
  completed: 'Завершена',
  dissolved: 'Прекращена',
});
export type PairStatus = (typeof pairStatuses.values)[number];

/** How a completed pair ended (stage 7: the pair's outcome). */
export const pairOutcomes = enumeration({
  achieved: 'Цели достигнуты',
  partly_achieved: 'Цели достигнуты частично',
  not_achieved: 'Цели не достигнуты',
});
export type PairOutcome = (typeof pairOutcomes.values)[number];

export const programmeStages = enumeration({
  conditions: '1. Подготовка условий',
  mentee_base: '2. Формирование базы наставляемых',
  mentor_base: '3. Формирование базы наставников',
  mentor_training: '4. Отбор и обучение наставников',
  matching: '5. Формирование пар и групп',
  running: '6. Организация работы пар и групп',
  completion: '7. Завершение программы',
});
export type ProgrammeStage = (typeof programmeStages.values)[number];

export const programmeStatuses = enumeration({
  planned: 'Планируется',
  running: 'Реализуется',
  completed: 'Завершена',
  suspended: 'Приостановлена',
});
export type ProgrammeStatus = (typeof programmeStatuses.values)[number];

export const meetingKinds = enumeration({
  acquaintance: 'Встреча-знакомство',
  trial: 'Пробная рабочая встреча',
  planning: 'Встреча-планирование',
  working: 'Рабочая встреча',
  final: 'Итоговая встреча',
  group_final: 'Групповая итоговая встреча',
});
export type MeetingKind = (typeof meetingKinds.values)[number];

export const roadmapLevels = enumeration({
  organisation: 'Образовательная организация',
  municipal: 'Муниципальный уровень',
  regional: 'Региональный уровень',
});
export type RoadmapLevel = (typeof roadmapLevels.values)[number];

export const roadmapStates = enumeration({
  draft: 'Проект',
  approved: 'Утверждена',
  in_progress: 'Реализуется',
  completed: 'Выполнена',
  archived: 'В архиве',
});
export type RoadmapState = (typeof roadmapStates.values)[number];

export const activityStatuses = enumeration({
  planned: 'Запланировано',
  in_progress: 'Выполняется',
  done: 'Выполнено',
  cancelled: 'Отменено',
});
export type ActivityStatus = (typeof activityStatuses.values)[number];

export const kpiMetricKinds = enumeration({
  computed: 'Вычисляется по данным',
  manual: 'Вводится вручную',
});
export type KpiMetricKind = (typeof kpiMetricKinds.values)[number];

export const snapshotKinds = enumeration({
  fact: 'Факт',
  forecast: 'Прогноз',
});
export type SnapshotKind = (typeof snapshotKinds.values)[number];

export const caseReviewStates = enumeration({
  draft: 'Черновик',
  submitted: 'На рассмотрении',
  changes_requested: 'Требуются правки',
  approved: 'Одобрен',
});
export type CaseReviewState = (typeof caseReviewStates.values)[number];

export const documentKinds = enumeration({
  order: 'Приказ',
  regulation: 'Положение',
  roadmap: 'Дорожная карта',
  programme: 'Программа наставничества',
  agreement: 'Соглашение',
  report: 'Отчёт',
  other: 'Другое',
});
export type DocumentKind = (typeof documentKinds.values)[number];

export const newsKinds = enumeration({
  news: 'Новость',
  event: 'Мероприятие',
  contest: 'Конкурс',
  final_ceremony: 'Итоговое мероприятие',
});
export type NewsKind = (typeof newsKinds.values)[number];

export const partnerKinds = enumeration({
  employer: 'Работодатель',
  ngo: 'Некоммерческая организация',
  university: 'Вуз',
  other: 'Другое',
});
export type PartnerKind = (typeof partnerKinds.values)[number];

export const captureKinds = enumeration({
  roster: 'Список класса',
  grades: 'Оценки и посещаемость',
  roadmap_table: 'Таблица дорожной карты',
  article: 'Статья',
  site_audit: 'Проверка раздела сайта',
});
export type CaptureKind = (typeof captureKinds.values)[number];

export const captureStates = enumeration({
  new: 'Новый',
  applied: 'Применён',
  discarded: 'Отклонён',
});
export type CaptureState = (typeof captureStates.values)[number];

export const progressMoments = enumeration({
  start: 'Начало программы',
  middle: 'Середина программы',
  end: 'Конец программы',
});
export type ProgressMoment = (typeof progressMoments.values)[number];

export const progressSources = enumeration({
  manual: 'Введено вручную',
  capture: 'Собрано расширением',
});
export type ProgressSource = (typeof progressSources.values)[number];

export const consentGivers = enumeration({
  self: 'Сам участник',
  legal_representative: 'Законный представитель',
});
export type ConsentGiver = (typeof consentGivers.values)[number];

export const questionnaireAudiences = enumeration({
  mentor: 'Наставники',
  mentee: 'Наставляемые',
  all: 'Все участники',
});
export type QuestionnaireAudience = (typeof questionnaireAudiences.values)[number];

export const questionnairePurposes = enumeration({
  intake: 'Входное анкетирование',
  preference: 'Анкета предпочтений',
  satisfaction: 'Удовлетворённость',
  quality: 'Качество программы',
  impact_start: 'Влияние: первый замер',
  impact_end: 'Влияние: второй замер',
});
export type QuestionnairePurpose = (typeof questionnairePurposes.values)[number];

export const userRoles = enumeration({
  curator: 'Куратор',
  methodist: 'Методист',
  editor: 'Редактор сайта',
  staff: 'Сотрудник',
});
export type UserRole = (typeof userRoles.values)[number];

/** What was done to personal data, as the access log records it. */
export const accessActions = enumeration({
  read: 'Чтение',
  create: 'Создание',
  update: 'Изменение',
  delete: 'Удаление',
  publish: 'Публикация',
});
export type AccessAction = (typeof accessActions.values)[number];

/** Who accessed personal data: a signed-in API user, or an administrator / API token. */
export const accessActorKinds = enumeration({
  user: 'Пользователь API',
  admin: 'Администратор или API-токен',
});
export type AccessActorKind = (typeof accessActorKinds.values)[number];
export const yearBases = enumeration({
  calendar: 'Календарный год',
  academic: 'Учебный год (с 1 сентября)',
});
export type YearBasis = (typeof yearBases.values)[number];

export const participationRoles = enumeration({
  mentee: 'Наставляемый',
  mentor: 'Наставник',
  any: 'Наставник или наставляемый',
});
export type ParticipationRole = (typeof participationRoles.values)[number];

export const targetBounds = enumeration({
  exact: 'Плановое значение',
  min: 'Не менее',
  max: 'Не более',
});
export type TargetBound = (typeof targetBounds.values)[number];

export const kpiStatuses = enumeration({
  met: 'Достигнут',
  on_track: 'В графике',
  behind: 'Отстаёт',
  no_data: 'Нет данных',
});
export type KpiStatus = (typeof kpiStatuses.values)[number];

/** Every enumeration by the name the plugin's schema.json files refer to it with. */
/** Recognition of mentors (stage 7 and the programme's incentives): what a mentor was awarded. */
export const mentorAwardKinds = enumeration({
  thanks: 'Благодарность',
  certificate: 'Почётная грамота',
  best_mentor: '«Лучший наставник»',
});
export type MentorAwardKind = (typeof mentorAwardKinds.values)[number];

export const enumerations = {
  organisationKinds,
  personCategories,
  teacherGroups,
  mentoringForms,
  pairKinds,
  pairStatuses,
  pairOutcomes,
  programmeStages,
  programmeStatuses,
  meetingKinds,
  roadmapLevels,
  roadmapStates,
  activityStatuses,
  kpiMetricKinds,
  yearBases,
  participationRoles,
  targetBounds,
  kpiStatuses,
  snapshotKinds,
  caseReviewStates,
  documentKinds,
  newsKinds,
  partnerKinds,
  captureKinds,
  captureStates,
  progressMoments,
  progressSources,
  consentGivers,
  questionnaireAudiences,
  questionnairePurposes,
  userRoles,
  accessActions,
  accessActorKinds,
  mentorAwardKinds,
} as const;
export type EnumerationName = keyof typeof enumerations;
