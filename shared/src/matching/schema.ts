/** What matching reads and returns: participants as the bases hold them, the weights, the proposal. */
import { z } from 'zod';
import { consentSchema } from '../consent.js';
import { mentoringForms, personCategories } from '../enums.js';

/** The questionnaire answers matching compares, already reduced to lists (see `profileFromAnswers`). */
export const matchingProfileSchema = z.object({
  /** Mentee: what they want help with. */
  requests: z.array(z.string()).default([]),
  /** Mentor: what they can help with. */
  competences: z.array(z.string()).default([]),
  subjects: z.array(z.string()).default([]),
  interests: z.array(z.string()).default([]),
  /** Free time slots as the questionnaire offers them («пн, вечер»). */
  availability: z.array(z.string()).default([]),
  preferredForms: z.array(mentoringForms.schema).default([]),
  /** Mentor: how many mentees they can take (the intake answer wins over the person's field). */
  capacity: z.number().int().min(0).max(50).nullish(),
});
export type MatchingProfile = z.infer<typeof matchingProfileSchema>;

export const matchingParticipantSchema = z.object({
  id: z.string().min(1),
  category: personCategories.schema,
  organisationId: z.string().min(1),
  birthDate: z.string().nullish(),
  birthYear: z.number().int().nullish(),
  /** Class or group as written («9А», «ИС-21»): the grade breaks a tie of unknown ages. */
  classOrGroup: z.string().nullish(),
  consent: consentSchema.partial().nullish(),
  awaitingConsent: z.boolean().nullish(),
  anonymised: z.boolean().nullish(),
  profile: matchingProfileSchema.default({
    requests: [],
    competences: [],
    subjects: [],
    interests: [],
    availability: [],
    preferredForms: [],
  }),
  /** Mentee: already in an active pair of this programme. Mentor: mentees already led in it. */
  activeInProgramme: z.number().int().min(0).default(0),
  /** Mentor selection (stage 4): interview held and training completed. */
  selection: z
    .object({ interviewHeld: z.boolean().default(false), trainingCompleted: z.boolean().default(false) })
    .nullish(),
});
export type MatchingParticipant = z.input<typeof matchingParticipantSchema>;
export type ParsedParticipant = z.output<typeof matchingParticipantSchema>;

export const matchingCriteria = ['requests', 'subjects', 'interests', 'availability', 'form'] as const;
export type MatchingCriterion = (typeof matchingCriteria)[number];

export const matchingCriterionLabels: Readonly<Record<MatchingCriterion, string>> = {
  requests: 'Запросы и компетенции',
  subjects: 'Предметы',
  interests: 'Интересы',
  availability: 'Свободное время',
  form: 'Предпочитаемая форма',
};

/** Weights per programme, visible and adjustable by the curator; they need not sum to 100. */
export const matchingWeightsSchema = z
  .object({
    requests: z.number().int().min(0).max(100),
    subjects: z.number().int().min(0).max(100),
    interests: z.number().int().min(0).max(100),
    availability: z.number().int().min(0).max(100),
    form: z.number().int().min(0).max(100),
  })
  .refine((w) => matchingCriteria.some((c) => w[c] > 0), {
    error: 'хотя бы один вес подбора должен быть больше нуля',
  });
export type MatchingWeights = z.infer<typeof matchingWeightsSchema>;

export const DEFAULT_MATCHING_WEIGHTS: MatchingWeights = {
  requests: 40,
  subjects: 20,
  interests: 15,
  availability: 15,
  form: 10,
};

export const pairRefSchema = z.object({ menteeId: z.string().min(1), mentorId: z.string().min(1) });
export type PairRef = z.infer<typeof pairRefSchema>;

export const matchingInputSchema = z.object({
  form: mentoringForms.schema,
  /** ISO date the consents and ages are judged on. */
  today: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  weights: matchingWeightsSchema.default(DEFAULT_MATCHING_WEIGHTS),
  /** Offer only mentors who passed the interview and the training (the programme's choice). */
  requireMentorTraining: z.boolean().default(false),
  mentees: z.array(matchingParticipantSchema),
  mentors: z.array(matchingParticipantSchema),
  /** Partnerships between organisations (both directions count). */
  partnerships: z.array(z.tuple([z.string(), z.string()])).default([]),
  /** Pairs the curator locked: kept as they are, their places taken before the rest is matched. */
  locked: z.array(pairRefSchema).default([]),
  /** Pairs the curator rejected: never proposed again in this run. */
  rejected: z.array(pairRefSchema).default([]),
});
export type MatchingInput = z.input<typeof matchingInputSchema>;

export interface CriterionResult {
  criterion: MatchingCriterion;
  label: string;
  weight: number;
  /** Share of the criterion met, 0…1. */
  share: number;
  matched: string[];
  missing: string[];
  note: string;
}

export interface Proposal {
  menteeId: string;
  mentorId: string;
  /** 0…100, integer. */
  score: number;
  locked: boolean;
  criteria: CriterionResult[];
  /** Russian: which answers matched and what lowered the score. */
  explanation: string;
}

export interface Unmatched {
  menteeId: string;
  reason: string;
}

export interface IneligibleMentor {
  mentorId: string;
  reason: string;
}

export interface MatchingResult {
  form: z.infer<typeof mentoringForms.schema>;
  weights: MatchingWeights;
  proposals: Proposal[];
  unmatched: Unmatched[];
  ineligibleMentors: IneligibleMentor[];
  /** Locked pairs that break a hard constraint: not kept, with the reason. */
  refusedLocks: Array<PairRef & { reason: string }>;
  totalScore: number;
  /** Number of compatible mentee–mentor pairs the optimiser chose from. */
  compatiblePairs: number;
}
