#!/usr/bin/env node
/**
 * Matching benchmark: 2,000 mentees × 600 mentors («ученик – ученик») in 30 schools, each school a
 * partner of the next one, capacities 1–5, a few people without consent or already in a pair, answers
 * drawn from a small vocabulary. A mentee may take a mentor only from their own or a partner school
 * and only an older one, so compatibility is sparse (a few dozen mentors per mentee).
 *
 *   npm run bench:matching     (builds the shared package first)
 *
 * Measured: `proposeMatching` end to end (constraints, scores, the exact assignment, explanations) and,
 * for comparison in the same run, a greedy baseline over the same compatible pairs (best score first).
 * Goal: ≤ 2 s and ≤ 200 MB peak RSS. The last line is one JSON object.
 */
const {
  proposeMatching,
  menteeIneligibility,
  mentorIneligibility,
  mentorFreePlaces,
  pairProblem,
  partnerMap,
  prepareProfile,
  scoreValue,
  matchingInputSchema,
} = await import('@nastavnik/shared');

const MENTEES = 2000;
const MENTORS = 600;
const SCHOOLS = 30;

// A seeded generator: every run measures the same instance.
let seed = 20261129;
const random = () => {
  seed = (seed * 48271) % 2147483647;
  return seed / 2147483647;
};
const pick = (list, n) => {
  const out = new Set();
  while (out.size < n) out.add(list[Math.floor(random() * list.length)]);
  return [...out];
};

const topics = [
  'подготовка к ОГЭ',
  'подготовка к ЕГЭ',
  'проектная деятельность',
  'олимпиада по математике',
  'олимпиада по физике',
  'профориентация',
  'адаптация в классе',
  'тайм-менеджмент',
  'публичные выступления',
  'программирование',
  'робототехника',
  'исследовательская работа',
  'волонтёрство',
  'читательская грамотность',
  'финансовая грамотность',
  'английский язык',
];
const subjects = [
  'алгебра',
  'геометрия',
  'физика',
  'химия',
  'биология',
  'информатика',
  'русский язык',
  'литература',
  'история',
  'обществознание',
  'английский язык',
  'география',
];
const interests = [
  'спорт',
  'музыка',
  'шахматы',
  'театр',
  'кино',
  'рисование',
  'туризм',
  'игры',
  'книги',
  'танцы',
  'фотография',
  'журналистика',
];
const slots = [
  'пн, день',
  'пн, вечер',
  'вт, день',
  'вт, вечер',
  'ср, день',
  'ср, вечер',
  'чт, день',
  'чт, вечер',
  'пт, день',
  'пт, вечер',
  'сб, утро',
];

const consent = {
  givenBy: 'legal_representative',
  representativeName: 'Законный представитель',
  processing: true,
  signedAt: '2026-09-01',
};
const person = (id, birthYear, extra) => ({
  id,
  category: 'pupil',
  organisationId: `school-${Math.floor(random() * SCHOOLS)}`,
  birthYear,
  consent: random() < 0.03 ? null : consent,
  ...extra,
});

const mentees = Array.from({ length: MENTEES }, (_, i) =>
  person(`mentee-${i}`, 2010 + Math.floor(random() * 8), {
    activeInProgramme: random() < 0.05 ? 1 : 0,
    profile: {
      requests: pick(topics, 1 + Math.floor(random() * 3)),
      subjects: pick(subjects, 1 + Math.floor(random() * 2)),
      interests: pick(interests, Math.floor(random() * 3)),
      availability: pick(slots, 1 + Math.floor(random() * 3)),
      preferredForms: random() < 0.5 ? ['pupil_pupil'] : [],
    },
  }),
);
const mentors = Array.from({ length: MENTORS }, (_, i) =>
  person(`mentor-${i}`, 2008 + Math.floor(random() * 4), {
    profile: {
      competences: pick(topics, 2 + Math.floor(random() * 4)),
      subjects: pick(subjects, 1 + Math.floor(random() * 3)),
      interests: pick(interests, 1 + Math.floor(random() * 3)),
      availability: pick(slots, 2 + Math.floor(random() * 4)),
      preferredForms: random() < 0.7 ? ['pupil_pupil'] : ['student_pupil'],
      capacity: 1 + Math.floor(random() * 5),
    },
  }),
);
const partnerships = Array.from({ length: SCHOOLS }, (_, s) => [
  `school-${s}`,
  `school-${(s + 1) % SCHOOLS}`,
]);
const input = { form: 'pupil_pupil', today: '2026-11-29', mentees, mentors, partnerships };

const rss = () => process.resourceUsage().maxRSS / 1024;
const rssBefore = rss();

// Optimal: warm-up run on the same input, then the measured run.
// CPU time next to wall time: on a shared machine the wall clock also counts other people's work.
const cpu = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
proposeMatching(input);
let t = performance.now();
let c = cpu();
const result = proposeMatching(input);
const ms = performance.now() - t;
const cpuMs = cpu() - c;
const rssMb = rss();

/** Greedy: the same hard constraints and scores, then the best-scoring compatible pairs first. */
function greedy(raw) {
  const { form, today, weights, requireMentorTraining } = matchingInputSchema.parse(raw);
  const ctx = { form, today, partners: partnerMap(raw.partnerships) };
  const parsed = matchingInputSchema.parse(raw);
  const pool = parsed.mentees.filter((m) => !menteeIneligibility(m, form, today));
  const offered = parsed.mentors
    .filter((m) => !mentorIneligibility(m, form, today, requireMentorTraining))
    .map((m) => ({ m, places: mentorFreePlaces(m), prepared: prepareProfile(m.profile) }));
  const edges = [];
  for (const e of pool) {
    const prepared = prepareProfile(e.profile);
    for (const r of offered)
      if (!pairProblem(e, r.m, ctx))
        edges.push({ e, r, score: scoreValue(form, prepared, r.prepared, weights) });
  }
  edges.sort((a, b) => b.score - a.score);
  const taken = new Set();
  let assigned = 0;
  let total = 0;
  for (const { e, r, score } of edges) {
    if (taken.has(e.id) || r.places === 0) continue;
    taken.add(e.id);
    r.places--;
    assigned++;
    total += score;
  }
  return { assigned, total };
}
greedy(input);
t = performance.now();
c = cpu();
const baseline = greedy(input);
const baselineMs = performance.now() - t;
const baselineCpuMs = cpu() - c;

const round = (n) => Math.round(n * 10) / 10;
const capacity = mentors.reduce((s, m) => s + m.profile.capacity, 0);
console.log(
  `Optimal: ${result.proposals.length} of ${MENTEES} mentees assigned (mentor places: ${capacity}), ` +
    `total score ${result.totalScore}, ${result.compatiblePairs} compatible pairs, ${round(ms)} ms (${round(cpuMs)} ms CPU), ` +
    `peak RSS ${round(rssMb)} MB (${round(rssBefore)} MB before). Goal ≤ 2,000 ms, ≤ 200 MB.`,
);
console.log(
  `Greedy baseline (best score first): ${baseline.assigned} assigned, total score ${baseline.total}, ${round(baselineMs)} ms.`,
);
const load = (await import('node:os')).loadavg()[0];
console.log(`Load average while measuring: ${load.toFixed(2)}`);
console.log(
  JSON.stringify({
    mentees: MENTEES,
    mentors: MENTORS,
    ms: round(ms),
    cpu_ms: round(cpuMs),
    rss_mb: round(rssMb),
    assigned: result.proposals.length,
    total_score: result.totalScore,
    compatible_pairs: result.compatiblePairs,
    baseline: {
      name: 'greedy',
      ms: round(baselineMs),
      cpu_ms: round(baselineCpuMs),
      assigned: baseline.assigned,
      total_score: baseline.total,
    },
  }),
);
// Judged on CPU time: the wall clock of a machine shared by several builds measures them too.
process.exit(cpuMs <= 2000 && rssMb <= 200 ? 0 : 1);
