import { describe, expect, it } from 'vitest';
import { meetingFeedbackState } from '../meetings.js';

describe('a meeting counts as held', () => {
  const mentee = { rating: 9 };
  const mentor = { comment: 'Хорошо поработали' };
  it.each([
    ['with the mentee’s feedback', { menteeFeedback: mentee }, false, { held: true, waitingFor: [] }],
    ['not without it', { mentorFeedback: mentor }, false, { held: false, waitingFor: ['mentee'] }],
    [
      'not with an empty comment',
      { menteeFeedback: { comment: '  ' } },
      false,
      { held: false, waitingFor: ['mentee'] },
    ],
    [
      'with both sides where the programme asks the mentor too',
      { menteeFeedback: mentee, mentorFeedback: mentor },
      true,
      { held: true, waitingFor: [] },
    ],
    [
      'not with the mentee’s alone then',
      { menteeFeedback: mentee },
      true,
      { held: false, waitingFor: ['mentor'] },
    ],
    [
      'with a recorded reason instead',
      { noFeedbackReason: 'Наставляемый болел' },
      true,
      { held: true, waitingFor: [] },
    ],
  ])('%s', (_name, meeting, mentorFeedbackRequired, expected) => {
    expect(meetingFeedbackState(meeting, { mentorFeedbackRequired })).toEqual(expected);
  });
});
