/** Answers to a questionnaire: every write is checked against the questionnaire's questions. */
import { errors } from '@strapi/utils';
import { answerProblems, questionsSchema } from '@nastavnik/shared';
import { collectRelationIds } from '../tenancy/relations.js';
import { defineContentType, organisationRelation, type WriteEvent, manyToOne } from './define.js';

const RESPONSE = 'plugin::nastavnik.questionnaire-response';
const QUESTIONNAIRE = 'plugin::nastavnik.questionnaire';

const invalid = (message: string, field: string) => new errors.ValidationError(message, { path: [field] });

async function checkAnswers({ strapi, action, documentId, data }: WriteEvent) {
  if (!data || (action !== 'create' && action !== 'update')) return;
  if (action === 'update' && !('answers' in data) && !('questionnaire' in data)) return;
  let questionnaireId = collectRelationIds(data.questionnaire)[0];
  let answers = data.answers;
  if (action === 'update' && documentId) {
    const current = (await strapi.db.query(RESPONSE).findOne({
      where: { documentId },
      select: ['answers'],
      populate: { questionnaire: { select: ['documentId'] } },
    })) as { answers?: unknown; questionnaire?: { documentId: string } | null } | null;
    questionnaireId ??= current?.questionnaire?.documentId;
    answers ??= current?.answers;
  }
  if (!questionnaireId) throw invalid('Укажите анкету (поле questionnaire).', 'questionnaire');
  const questionnaire = (await strapi.db.query(QUESTIONNAIRE).findOne({
    where: { documentId: questionnaireId },
    select: ['questions'],
  })) as { questions?: unknown } | null;
  if (!questionnaire) throw invalid(`Анкета ${questionnaireId} не найдена.`, 'questionnaire');
  if (!answers || typeof answers !== 'object' || Array.isArray(answers)) {
    throw invalid('Поле answers: ожидался объект «код вопроса → ответ».', 'answers');
  }
  const questions = questionsSchema.safeParse(questionnaire.questions);
  if (!questions.success)
    throw invalid('Шаблон анкеты повреждён: исправьте вопросы анкеты.', 'questionnaire');
  const problems = answerProblems(questions.data, answers as Record<string, unknown>);
  if (problems.length) throw invalid(problems.join(' '), 'answers');
}

export default defineContentType({
  singularName: 'questionnaire-response',
  pluralName: 'questionnaire-responses',
  displayName: 'Ответы на анкеты',
  description: 'Ответы участника, проверенные по шаблону анкеты',
  access: 'private',
  tenancy: 'organisation',
  rules: { beforeWrite: checkAnswers },
  mainField: 'submittedAt',
  listColumns: ['questionnaire', 'person', 'submittedAt'],
  attributes: {
    questionnaire: manyToOne('questionnaire', 'Анкета'),
    person: manyToOne('person', 'Участник'),
    organisation: organisationRelation(),
    answers: { type: 'json', required: true, label: 'Ответы', description: 'Объект «код вопроса → ответ»' },
    submittedAt: { type: 'datetime', label: 'Заполнена' },
  },
});
