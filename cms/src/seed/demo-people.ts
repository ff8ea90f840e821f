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
