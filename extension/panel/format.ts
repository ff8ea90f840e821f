/** Small Russian formatting helpers for the panel. */
import type { QueueEntryView } from '@/utils/queue/entry';
import { queueStates } from '@/utils/queue/entry';

const time = new Intl.DateTimeFormat('ru-RU', { hour: '2-digit', minute: '2-digit' });
const dateTime = new Intl.DateTimeFormat('ru-RU', {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});

export function formatTime(epochMs: number): string {
  return time.format(epochMs);
}

export function formatDateTime(epochMs: number): string {
  return dateTime.format(epochMs);
}

export function todayIso(now: Date = new Date()): string {
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}

/** «В очереди · ждёт входа», «В очереди · следующая попытка в 14:05», «Применено». */
export function describeState(entry: QueueEntryView, now: number = Date.now()): string {
  const label = queueStates[entry.state];
  if (entry.state === 'queued') {
    if (entry.waitingForSession) return `${label} · ждёт входа в систему`;
    if (entry.nextAttemptAt !== null && entry.nextAttemptAt > now) {
      return `${label} · следующая попытка в ${formatTime(entry.nextAttemptAt)}`;
    }
  }
  if (entry.state === 'sent' && entry.duplicate) return `${label} · уже был на сервере`;
  // A road map is written into the CMS rather than applied to records there.
  if (entry.state === 'applied' && entry.kind === 'roadmap_table') return 'Записано';
  return label;
}
