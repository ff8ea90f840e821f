/**
 * The invented people of the demo set, marked «(демо)». Kept apart from the seeding code so that tests
 * can scan public answers for every one of their personal strings without loading Strapi's types.
 */
const guardian = (name: string) => ({
  givenBy: 'legal_representative' as const,
  representativeName: name,
  processing: true,
  publication: false,
  signedAt: '2025-09-05',
});
const self = (publication = false) => ({
  givenBy: 'self' as const,
  processing: true,
  publication,
  signedAt: '2025-09-03',
});

export const DEMO_PEOPLE = [
  {
    key: 'mentorTeacher',
    fullName: 'Смирнова Ольга Викторовна (демо)',
    category: 'teacher',
    teachingExperienceYears: 21,
    teacherGroup: 'super_professional',
    isMentor: true,
    email: 'o.smirnova.demo@example.org',
    phone: '+7 900 000-00-01',
    consent: self(true),
  },
  {
    key: 'youngTeacher',
    fullName: 'Кузнецов Артём Игоревич (демо)',
    category: 'young_specialist',
    teachingExperienceYears: 1,
    teacherGroup: 'pre_professional',
    isMentee: true,
    email: 'a.kuznetsov.demo@example.org',
    consent: self(),
  },
  {
    key: 'pupilMentor',
    fullName: 'Волкова Дарья (демо)',
    category: 'pupil',
    birthDate: '2009-03-14',
    classOrGroup: '10 «А»',
    isMentor: true,
    consent: guardian('Волкова Ирина Петровна (демо)'),
  },
  {
    key: 'pupilMentee1',
    fullName: 'Орлов Максим (демо)',
    category: 'pupil',
    birthDate: '2013-11-02',
    classOrGroup: '6 «Б»',
    isMentee: true,
    consent: guardian('Орлова Светлана Андреевна (демо)'),
  },
  {
    key: 'pupilMentee2',
    fullName: 'Зайцева Полина (демо)',
    category: 'pupil',
    birthDate: '2013-05-21',
    classOrGroup: '6 «Б»',
    isMentee: true,
    consent: guardian('Зайцев Павел Олегович (демо)'),
  },
] as const;

/** The people of the cycle's programmes; none of them is shown publicly except the recognised mentor. */
export const DEMO_CYCLE_PEOPLE = [
  {
    key: 'newMentor',
    fullName: 'Белова Наталья Сергеевна (демо)',
    category: 'teacher',
    teachingExperienceYears: 12,
    isMentor: true,
    capacity: 2,
    // Stage 4: interviewed, the training is still ahead.
    mentorInterviewAt: '2026-09-10',
    consent: self(),
  },
  {
    key: 'newYoungTeacher',
    fullName: 'Лебедев Никита Андреевич (демо)',
    category: 'young_specialist',
    teachingExperienceYears: 0,
    isMentee: true,
    consent: self(),
  },
  {
    key: 'pupilMentor',
    fullName: 'Соколов Георгий (демо)',
    category: 'pupil',
    birthDate: '2009-06-18',
    classOrGroup: '11 «А»',
    isMentor: true,
    capacity: 2,
    mentorInterviewAt: '2026-09-08',
    mentorTrainingAt: '2026-09-20',
    consent: guardian('Соколова Марина Юрьевна (демо)'),
  },
  {
    key: 'pupilMentee',
    fullName: 'Морозова Ксения (демо)',
    category: 'pupil',
    birthDate: '2012-10-03',
    classOrGroup: '9 «Б»',
    isMentee: true,
    consent: guardian('Морозов Денис Алексеевич (демо)'),
  },
  {
    key: 'recognisedMentor',
    fullName: 'Фёдорова Ирина Павловна (демо)',
    category: 'teacher',
    teachingExperienceYears: 27,
    isMentor: true,
    capacity: 1,
    mentorInterviewAt: '2024-09-05',
    mentorTrainingAt: '2024-09-15',
    consent: self(true),
    awards: [
      {
        kind: 'best_mentor',
        title: 'по итогам 2024/25 учебного года',
        date: '2025-05-30',
        orderNumber: '101-од',
        publish: true,
      },
      { kind: 'certificate', title: 'за подготовку молодого педагога', date: '2025-05-30', publish: false },
    ],
  },
  {
    // Stage 7, «from mentee to mentor»: her pair completed with its goals achieved, she now mentors.
    key: 'formerMentee',
    fullName: 'Егорова Анна Викторовна (демо)',
    category: 'young_specialist',
    teachingExperienceYears: 2,
    isMentor: true,
    isMentee: false,
    capacity: 1,
    consent: self(),
  },
] as const;
