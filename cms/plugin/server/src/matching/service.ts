/**
 * Matching in the CMS: propose (nothing written), accept the curator's choice (all pairs or none),
 * fix proposed pairs by an order, and the order «О закреплении наставнических пар (групп)» as DOCX.
 * The rules are the shared package's; this module reads the bases and writes pairs.
 */
import { errors } from '@strapi/utils';
import {
  groupByMentor,
  kindFor,
  menteeToMentorProblem,
  pairsOrderDocx,
  pairsOrderSchema,
  pairRefSchema,
  proposeMatching,
  type MatchingWeights,
  type MentoringForm,
  type PairRef,
  type PairKind,
} from '@nastavnik/shared';
import { z } from 'zod';
import type { Strapi } from '../types.js';
import { validationErrorFrom } from '../validation.js';
import { loadMatchingBase, requireCurator } from './base.js';
import { currentActor } from '../tenancy/actor.js';

const PAIR = 'plugin::nastavnik.pair';

export interface ProposeCall {
  programme: string;
  form?: MentoringForm | null;
  locked?: PairRef[] | null;
  rejected?: PairRef[] | null;
  weights?: MatchingWeights | null;
}

export async function proposeFor(strapi: Strapi, call: ProposeCall) {
  const programme = await requireCurator(strapi, call.programme);
  const base = await loadMatchingBase(strapi, programme, call.form ?? undefined);
  const result = proposeMatching({
    ...base.input,
    weights: call.weights ?? base.input.weights,
    locked: call.locked ?? [],
    rejected: call.rejected ?? [],
  });
  const name = (id: string) => base.names.get(id) ?? id;
  return {
    ...result,
    programme: programme.documentId,
    groups: groupByMentor(result.form, result.proposals).map((g) => ({
      ...g,
      mentorName: name(g.mentorId),
      menteeNames: g.menteeIds.map(name),
    })),
    proposals: result.proposals.map((p) => ({
      ...p,
      menteeName: name(p.menteeId),
      mentorName: name(p.mentorId),
    })),
    unmatched: result.unmatched.map((u) => ({ ...u, menteeName: name(u.menteeId) })),
    ineligibleMentors: result.ineligibleMentors.map((m) => ({ ...m, mentorName: name(m.mentorId) })),
    refusedLocks: result.refusedLocks.map((l) => ({
      ...l,
      menteeName: name(l.menteeId),
      mentorName: name(l.mentorId),
    })),
  };
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ожидалась дата ГГГГ-ММ-ДД');

export const acceptCallSchema = z
  .object({
    programme: z.string().min(1),
    pairs: z.array(pairRefSchema).min(1, 'выберите хотя бы одну пару'),
    orderNumber: z.string().trim().min(1).nullish(),
    orderDate: isoDate.nullish(),
    /** One group per mentor with all their mentees, instead of a pair per mentee. */
    groupByMentor: z.boolean().nullish(),
  })
  .refine((c) => !c.orderNumber === !c.orderDate, {
    error: 'номер и дата приказа указываются вместе (или оба пусты: пары останутся предложенными)',
    path: ['orderDate'],
  });
export type AcceptCall = z.input<typeof acceptCallSchema>;

/**
 * Creates the chosen pairs, each checked as matching would check it (consents, form, organisation,
 * places left): one bad pair and nothing is written. With an order number and date they are fixed
 * at once; otherwise they wait as proposed.
 */
export async function acceptFor(strapi: Strapi, raw: AcceptCall) {
  const parsed = acceptCallSchema.safeParse(raw);
  if (!parsed.success) throw validationErrorFrom(parsed.error, 'Пары не созданы');
  const call = parsed.data;
  const programme = await requireCurator(strapi, call.programme);
  const base = await loadMatchingBase(strapi, programme);
  const name = (id: string) => base.names.get(id) ?? id;
  const check = proposeMatching({ ...base.input, locked: call.pairs });
  if (check.refusedLocks.length) {
    const reasons = check.refusedLocks.map(
      (l) => `${name(l.mentorId)} – ${name(l.menteeId)}: ${l.reason.replace(/\.$/, '')}`,
    );
    throw new errors.ValidationError(`Пары не созданы: ${reasons.join('; ')}.`, {
      errors: check.refusedLocks.map((l) => ({
        path: ['pairs'],
        message: l.reason,
        name: 'ValidationError',
      })),
    });
  }
  const proposals = check.proposals.filter((p) => p.locked);
  // A mentor's mentees form groups or triads only as the form allows (FORM_GROUP_RULES).
  const byPair = new Map(proposals.map((p) => [`${p.mentorId}\u0000${p.menteeId}`, p]));
  const groups = (
    call.groupByMentor
      ? groupByMentor(programme.form, proposals)
      : proposals.map((p) => ({ mentorId: p.mentorId, menteeIds: [p.menteeId] }))
  ).map((g) => g.menteeIds.flatMap((m) => byPair.get(`${g.mentorId}\u0000${m}`) ?? []));
  const fixed = !!call.orderNumber && !!call.orderDate;
  const created = await strapi.db.transaction(async () => {
    const out: Array<{ documentId: string; title: string; pairStatus: string; kind: PairKind }> = [];
    for (const members of groups) {
      const [first] = members;
      if (!first) continue;
      const kind: PairKind = kindFor(programme.form, members.length);
      const title =
        members.length === 1
          ? `${name(first.mentorId)} – ${name(first.menteeId)}`
          : `${name(first.mentorId)}: ${members.map((m) => name(m.menteeId)).join(', ')}`;
      const score = Math.round(members.reduce((s, m) => s + m.score, 0) / members.length);
      const doc = await strapi.documents(PAIR).create({
        data: {
          title,
          programme: programme.documentId,
          organisation: programme.organisation.documentId,
          mentors: [first.mentorId],
          mentees: members.map((m) => m.menteeId),
          kind,
          form: programme.form,
          pairStatus: fixed ? 'approved' : 'proposed',
          ...(fixed
            ? {
                approvalOrderNumber: call.orderNumber ?? undefined,
                approvalOrderDate: call.orderDate ?? undefined,
              }
            : {}),
          matchScore: score,
          matchExplanation: members
            .map((m) => (members.length > 1 ? `${name(m.menteeId)}: ${m.explanation}` : m.explanation))
            .join('\n'),
        },
      });
      out.push({ documentId: doc.documentId, title, pairStatus: doc.pairStatus ?? 'proposed', kind });
    }
    return out;
  });
  return { pairs: created };
}

const fixCallSchema = z.object({
  programme: z.string().min(1),
  orderNumber: z.string().trim().min(1, 'укажите номер приказа'),
  orderDate: isoDate,
});

/** Fixes every proposed pair of the programme by the order (all of them or none). */
export async function fixByOrderFor(strapi: Strapi, raw: z.input<typeof fixCallSchema>) {
  const parsed = fixCallSchema.safeParse(raw);
  if (!parsed.success) throw validationErrorFrom(parsed.error, 'Пары не закреплены');
  const call = parsed.data;
  const programme = await requireCurator(strapi, call.programme);
  const proposed = (await strapi.db.query(PAIR).findMany({
    where: { programme: { documentId: programme.documentId }, pairStatus: 'proposed' },
    select: ['documentId'],
  })) as Array<{ documentId: string }>;
  if (!proposed.length)
    throw new errors.ValidationError('Пары не закреплены: в программе нет предложенных пар.');
  await strapi.db.transaction(async () => {
    for (const { documentId } of proposed)
      await strapi.documents(PAIR).update({
        documentId,
        data: {
          pairStatus: 'approved',
          approvalOrderNumber: call.orderNumber,
          approvalOrderDate: call.orderDate,
        },
      });
  });
  return proposed.length;
}

/**
 * The order as DOCX: the pairs it fixed (by its number), or, before that, the proposed pairs it is
 * going to fix.
 */
export async function pairsOrderFor(
  strapi: Strapi,
  programmeId: string,
  query: { number?: string; date?: string },
) {
  const programme = await requireCurator(strapi, programmeId);
  const byNumber = query.number
    ? ((await strapi.db.query(PAIR).findMany({
        where: { programme: { documentId: programme.documentId }, approvalOrderNumber: query.number },
        select: ['kind', 'approvalOrderDate'],
        populate: { mentors: { select: ['fullName'] }, mentees: { select: ['fullName'] } },
        orderBy: { id: 'asc' },
      })) as StoredOrderPair[])
    : [];
  const pairs = byNumber.length
    ? byNumber
    : ((await strapi.db.query(PAIR).findMany({
        where: { programme: { documentId: programme.documentId }, pairStatus: 'proposed' },
        select: ['kind', 'approvalOrderDate'],
        populate: { mentors: { select: ['fullName'] }, mentees: { select: ['fullName'] } },
        orderBy: { id: 'asc' },
      })) as StoredOrderPair[]);
  const orderDate = query.date ?? byNumber[0]?.approvalOrderDate?.slice(0, 10);
  const order = {
    organisationName: programme.organisation.name,
    programmeTitle: programme.title,
    form: programme.form,
    orderNumber: query.number ?? '',
    orderDate: orderDate ?? '',
    curatorName: programme.curator?.fullName ?? null,
    pairs: pairs.map((p) => ({
      kind: p.kind,
      mentors: (p.mentors ?? []).map((m) => m.fullName),
      mentees: (p.mentees ?? []).map((m) => m.fullName),
    })),
  };
  const checked = pairsOrderSchema.safeParse(order);
  if (!checked.success) throw validationErrorFrom(checked.error, 'Приказ не сформирован');
  const bytes = await pairsOrderDocx(checked.data);
  return { bytes, filename: `Приказ о закреплении наставнических пар ${order.orderNumber}.docx` };
}

interface StoredOrderPair {
  kind: PairKind;
  approvalOrderDate?: string | null;
  mentors?: Array<{ fullName: string }>;
  mentees?: Array<{ fullName: string }>;
}

/**
 * «From mentee to mentor» (stage 7): a mentee of a pair completed with its goals achieved joins the
 * mentor base. Only the base flags change, so the consent the person gave stays as it is.
 */
export async function menteeBecomesMentorFor(strapi: Strapi, args: { pair: string; person: string }) {
  const actor = await currentActor(strapi);
  if (actor.kind === 'anonymous') throw new errors.ForbiddenError('Войдите в систему.');
  if (actor.kind === 'user' && actor.role !== 'curator')
    throw new errors.ForbiddenError('Переводить участников в базу наставников может только куратор.');
  // Read through the document service: the caller's organisation scope applies.
  const pair = await strapi.documents(PAIR).findOne({
    documentId: args.pair,
    fields: ['pairStatus', 'outcome'],
    populate: { mentees: { fields: ['documentId'] } },
  });
  if (!pair) throw new errors.NotFoundError('Пара не найдена или недоступна.');
  const menteeIds = ((pair.mentees ?? []) as Array<{ documentId: string }>).map((m) => m.documentId);
  const problem = menteeToMentorProblem(
    { pairStatus: pair.pairStatus, outcome: pair.outcome, menteeIds },
    args.person,
  );
  if (problem) throw new errors.ValidationError(problem, { path: ['person'] });
  const person = await strapi.documents('plugin::nastavnik.person').update({
    documentId: args.person,
    data: { isMentor: true, isMentee: false },
  });
  if (!person) throw new errors.NotFoundError('Участник не найден или недоступен.');
  return {
    documentId: person.documentId,
    isMentor: person.isMentor ?? false,
    isMentee: person.isMentee ?? false,
  };
}
