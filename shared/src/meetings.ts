/**
 * When a meeting counts as held (stage 6: working meetings «с обязательной обратной связью»): the
 * mentee's feedback is there, and the mentor's too where the programme asks for it, or the curator has
 * recorded why there is none. A meeting without either waits for feedback.
 */
export interface FeedbackLike {
  rating?: number | null;
  comment?: string | null;
}

export interface MeetingForHeld {
  menteeFeedback?: FeedbackLike | null;
  mentorFeedback?: FeedbackLike | null;
  noFeedbackReason?: string | null;
}

export type FeedbackSide = 'mentee' | 'mentor';

const given = (f: FeedbackLike | null | undefined) => f?.rating != null || !!f?.comment?.trim();

export function meetingFeedbackState(
  meeting: MeetingForHeld,
  options: { mentorFeedbackRequired: boolean },
): { held: boolean; waitingFor: FeedbackSide[] } {
  if (meeting.noFeedbackReason?.trim()) return { held: true, waitingFor: [] };
  const waitingFor: FeedbackSide[] = [];
  if (!given(meeting.menteeFeedback)) waitingFor.push('mentee');
  if (options.mentorFeedbackRequired && !given(meeting.mentorFeedback)) waitingFor.push('mentor');
  return { held: waitingFor.length === 0, waitingFor };
}
