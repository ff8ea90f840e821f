/**
 * Limits every GraphQL request must pass before anything runs: at most N tokens (checked while parsing),
 * then, as validation rules next to GraphQL's own, at most N aliases and N directives per operation
 * (GraphQL Armor's rules), one operation per document unless batching is on, and a cost budget in
 * which nested page sizes multiply. Refusals are GraphQL validation or parse errors (HTTP 400) with a
 * Russian message saying what to change.
 */
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type GraphQLFormattedError,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import type { SecurityConfig } from './config.js';
import { costLimitRule, type PageLimits } from './query-cost.js';

type Limits = SecurityConfig['graphql'];

/**
 * Armor's rules throw an English «Syntax Error: …»; reporting a Russian validation error instead keeps
 * the other rules' findings and lets Apollo answer 400 as for any invalid query.
 */
function refusal(message: string, limit: string, max: number) {
  return {
    exposeLimits: false,
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null) =>
        context?.reportError(new GraphQLError(message, { extensions: { limit, max } })),
    ],
  };
}

export const aliasesMessage = (max: number) =>
  `Слишком много псевдонимов полей (aliases) в запросе: разрешено не больше ${max}. Разбейте запрос на несколько.`;
export const directivesMessage = (max: number) =>
  `Слишком много директив в запросе: разрешено не больше ${max}.`;
export const operationsMessage = (found: number) =>
  `В одном запросе можно отправить только одну операцию (query или mutation), а в этом их ${found}. Отправляйте операции по одной.`;
export const tokensMessage = (max: number) =>
  `Запрос слишком длинный: больше ${max} лексем (имён полей, скобок, значений). Сократите запрос или разбейте его на несколько.`;

function singleOperationRule(context: ValidationContext): ASTVisitor {
  return {
    Document(node) {
      const operations = node.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION).length;
      if (operations > 1) {
        context.reportError(
          new GraphQLError(operationsMessage(operations), { extensions: { limit: 'operations', max: 1 } }),
        );
      }
    },
  };
}

/** The validation rules for Apollo's `validationRules` (GraphQL's specified rules run as well). */
export function limitRules(limits: Limits, pages: PageLimits): ValidationRule[] {
  return [
    maxAliasesRule({
      n: limits.maxAliases,
      ...refusal(aliasesMessage(limits.maxAliases), 'aliases', limits.maxAliases),
    }),
    maxDirectivesRule({
      n: limits.maxDirectives,
      ...refusal(directivesMessage(limits.maxDirectives), 'directives', limits.maxDirectives),
    }),
    costLimitRule(pages, limits.maxCost),
    ...(limits.batching ? [] : [singleOperationRule]),
  ];
}

/** Apollo's `parseOptions`: GraphQL's parser stops counting at the limit instead of reading on. */
export const parseOptions = (limits: Limits) => ({ maxLexicalTokens: limits.maxTokens });

/**
 * Refusals that GraphQL, Apollo and the depth-limit rule word in English, in Russian: matched by their
 * fixed wording, the numbers they carry kept.
 */
const translations: Array<[RegExp, (m: RegExpMatchArray) => string]> = [
  [/^Syntax Error: Document contains more \w+ (\d+) tokens/, (m) => tokensMessage(Number(m[1]))],
  [
    /exceeds maximum operation depth of (\d+)/,
    (m) =>
      `Запрос слишком глубокий: вложенность полей больше ${m[1]}. Запросите вложенные данные отдельным запросом.`,
  ],
  [
    /^The directive "@(\w+)" can only be used once at this location\.$/,
    (m) =>
      `Директива @${m[1]} повторяется в одном месте запроса: каждую директиву можно указать только один раз.`,
  ],
  [
    /^Operation batching disabled\.?$/,
    () => 'Пакетные запросы (массив операций в одном HTTP-запросе) отключены: отправляйте операции по одной.',
  ],
];

export function localiseRefusal(formatted: GraphQLFormattedError): GraphQLFormattedError {
  for (const [pattern, say] of translations) {
    const match = formatted.message.match(pattern);
    if (match) return { ...formatted, message: say(match) };
  }
  return formatted;
}
