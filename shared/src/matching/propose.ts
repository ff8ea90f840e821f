/**
 * Matching for one programme and one form: hard constraints → compatible pairs with their scores →
 * an optimal assignment under the mentors' capacities (`solveAssignment`) → proposals with
 * explanations, and every mentee left out with the reason. Pure: nothing is written; the curator
 * accepts, rejects or locks proposals and runs it again with `locked` and `rejected`.
 */
import {
  menteeIneligibility,
  mentorFreePlaces,
  mentorIneligibility,
  pairProblem,
  partnerMap,
  type PairContext,
} from './constraints.js';
import { solveAssignment, type FlowEdge } from './flow.js';
import {
  matchingInputSchema,
  type MatchingInput,
  type MatchingResult,
  type ParsedParticipant,
  type Proposal,
  type Unmatched,
} from './schema.js';
import { prepareProfile, scorePair, scoreValue } from './score.js';

const pairKey = (menteeId: string, mentorId: string) => `${menteeId}\u0000${mentorId}`;

/** «12 — другая организация, не партнёр; 3 — …», most frequent first. */
function summarise(counts: ReadonlyMap<string, number>) {
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([reason, n]) => `${reason} (${n})`)
    .join('; ');
}

export function proposeMatching(raw: MatchingInput): MatchingResult {
  const input = matchingInputSchema.parse(raw);
  const { form, today, weights } = input;
  const ctx: PairContext = { form, today, partners: partnerMap(input.partnerships) };

  const unmatched: Unmatched[] = [];
  const menteeById = new Map<string, ParsedParticipant>();
  for (const m of input.mentees) {
    const reason = menteeIneligibility(m, form, today);
    if (reason) unmatched.push({ menteeId: m.id, reason });
    else menteeById.set(m.id, m);
  }

  const ineligibleMentors: MatchingResult['ineligibleMentors'] = [];
  const mentorById = new Map<string, ParsedParticipant>();
  const freePlaces = new Map<string, number>();
  for (const m of input.mentors) {
    const reason = mentorIneligibility(m, form, today, input.requireMentorTraining);
    if (reason) ineligibleMentors.push({ mentorId: m.id, reason });
    else {
      mentorById.set(m.id, m);
      freePlaces.set(m.id, mentorFreePlaces(m));
    }
  }

  const proposals: Proposal[] = [];
  const propose = (mentee: ParsedParticipant, mentor: ParsedParticipant, locked: boolean): Proposal => {
    const { score, criteria, explanation } = scorePair(form, mentee.profile, mentor.profile, weights);
    return { menteeId: mentee.id, mentorId: mentor.id, score, locked, criteria, explanation };
  };

  // Locked pairs first: they keep their places, and their mentees leave the pool.
  const refusedLocks: MatchingResult['refusedLocks'] = [];
  const lockedMentees = new Set<string>();
  for (const lock of input.locked) {
    const mentee = menteeById.get(lock.menteeId);
    const mentor = mentorById.get(lock.mentorId);
    const reason = lockedMentees.has(lock.menteeId)
      ? 'наставляемый уже закреплён в другой паре этого подбора'
      : !mentee
        ? (unmatched.find((u) => u.menteeId === lock.menteeId)?.reason ?? 'наставляемого нет в базе подбора')
        : !mentor
          ? (ineligibleMentors.find((u) => u.mentorId === lock.mentorId)?.reason ??
            'наставника нет в базе подбора')
          : (pairProblem(mentee, mentor, ctx) ??
            ((freePlaces.get(mentor.id) ?? 0) < 1 ? 'у наставника не осталось свободных мест' : undefined));
    if (reason || !mentee || !mentor) {
      refusedLocks.push({ ...lock, reason: reason ?? 'пара не может быть закреплена' });
      continue;
    }
    lockedMentees.add(mentee.id);
    freePlaces.set(mentor.id, (freePlaces.get(mentor.id) ?? 0) - 1);
    proposals.push(propose(mentee, mentor, true));
  }

  const rejected = new Set(input.rejected.map((r) => pairKey(r.menteeId, r.mentorId)));
  const mentors = [...mentorById.values()]
    .map((mentor) => ({
      mentor,
      places: freePlaces.get(mentor.id) ?? 0,
      prepared: prepareProfile(mentor.profile),
    }))
    .filter((m) => m.places > 0);
  const pool = [...menteeById.values()]
    .filter((m) => !lockedMentees.has(m.id))
    .map((mentee) => ({ mentee, compatible: 0, problems: new Map<string, number>() }));

  const edges: FlowEdge[] = [];
  pool.forEach((entry, i) => {
    const prepared = prepareProfile(entry.mentee.profile);
    mentors.forEach(({ mentor, prepared: offered }, j) => {
      const problem = rejected.has(pairKey(entry.mentee.id, mentor.id))
        ? 'пара отклонена куратором'
        : pairProblem(entry.mentee, mentor, ctx);
      if (problem) {
        entry.problems.set(problem, (entry.problems.get(problem) ?? 0) + 1);
      } else {
        entry.compatible++;
        edges.push({ left: i, right: j, weight: scoreValue(form, prepared, offered, weights) });
      }
    });
  });

  const solution = solveAssignment(
    pool.length,
    mentors.map((m) => m.places),
    edges,
  );
  pool.forEach(({ mentee, compatible, problems }, i) => {
    const edge = edges[solution.edgeOf[i] ?? -1];
    const mentor = edge && mentors[edge.right]?.mentor;
    if (mentor) {
      proposals.push(propose(mentee, mentor, false));
    } else if (compatible > 0) {
      unmatched.push({
        menteeId: mentee.id,
        reason: `Все подходящие наставники (${compatible}) заняты: их места распределены так, чтобы наставника получило как можно больше наставляемых с наибольшей суммарной оценкой.`,
      });
    } else if (!mentors.length) {
      unmatched.push({
        menteeId: mentee.id,
        reason: 'Нет наставников, доступных для подбора по этой форме (см. список недоступных наставников).',
      });
    } else {
      unmatched.push({ menteeId: mentee.id, reason: `Нет подходящего наставника: ${summarise(problems)}.` });
    }
  });

  return {
    form,
    weights,
    proposals,
    unmatched,
    ineligibleMentors,
    refusedLocks,
    totalScore: proposals.reduce((s, p) => s + p.score, 0),
    compatiblePairs: edges.length,
  };
}
