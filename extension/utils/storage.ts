/**
 * Every storage item of the extension, defined once. The token and the profile live in
 * `storage.session` (memory only, gone when the browser closes, not readable by content scripts);
 * captures waiting for delivery live in `storage.local` so they survive a restart. The token is
 * never written to `storage.local`.
 */
import { storage } from 'wxt/utils/storage';
import type { UserRole } from '@nastavnik/shared/enums';
import type { QueueEntry } from './queue/entry.js';
import { DEFAULT_PURGE_DAYS } from './queue/retention.js';
import type { MeetingEntry } from './queue/meetings.js';

export interface Profile {
  username: string;
  role: UserRole | null;
  organisation: { documentId: string; name: string; shortName: string | null; slug: string | null } | null;
}

/** JWT from `POST /api/auth/local`. */
export const tokenItem = storage.defineItem<string>('session:token');

export const profileItem = storage.defineItem<Profile>('session:profile');

/** Set when the server refused the token or it expired, so the panel says why the user must sign in. */
export const sessionExpiredItem = storage.defineItem<boolean>('session:sessionExpired', { fallback: false });

/** The Nastavnik server address, e.g. https://nastavnik.school.example; not secret, kept across restarts. */
export const serverUrlItem = storage.defineItem<string>('local:serverUrl', { fallback: '' });

/** Last login name, to prefill the form; never the password. */
export const lastIdentifierItem = storage.defineItem<string>('local:lastIdentifier', { fallback: '' });

export const captureQueueItem = storage.defineItem<QueueEntry[]>('local:captureQueue', { fallback: [] });

/** Days an undelivered capture (possibly with pupils' names) may stay in this browser before it is deleted. */
export const purgeAfterDaysItem = storage.defineItem<number>('local:purgeAfterDays', {
  fallback: DEFAULT_PURGE_DAYS,
});

/** Meetings saved in the panel that the CMS does not have yet (`queue/meetings.ts`). */
export const meetingQueueItem = storage.defineItem<MeetingEntry[]>('local:meetingQueue', { fallback: [] });
