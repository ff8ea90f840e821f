import { useState } from 'react';
import { MAX_PURGE_DAYS, MIN_PURGE_DAYS, purgeDays, type Retention } from '@/utils/queue/retention';
import { purgeAfterDaysItem } from '@/utils/storage';
import { formatDateTime } from '../../format';

/** The setting: how many days an undelivered capture may stay in this browser. */
export function RetentionSetting({ days }: { days: number }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <label className="queue__retention hint">
      Удалять неотправленные захваты из браузера через{' '}
      <input
        type="number"
        min={MIN_PURGE_DAYS}
        max={MAX_PURGE_DAYS}
        value={days}
        aria-label="Срок хранения неотправленных захватов, дней"
        onChange={(event) => {
          const value = Number(event.target.value);
          if (!Number.isInteger(value) || value < MIN_PURGE_DAYS || value > MAX_PURGE_DAYS) {
            setError(`Укажите от ${MIN_PURGE_DAYS} до ${MAX_PURGE_DAYS} дней.`);
            return;
          }
          setError(null);
          void purgeAfterDaysItem.setValue(purgeDays(value));
        }}
      />{' '}
      дн.
      {error ? <span className="queue-item__error"> {error}</span> : null}
    </label>
  );
}

/** Under an undelivered capture: when it will be deleted, stressed once that is near. */
export function RetentionNote({ retention }: { retention: Retention }) {
  const text = `Будет удалён из браузера ${formatDateTime(retention.purgeAt)}, если не будет отправлен.`;
  return (
    <div className={retention.warn ? 'queue-item__error' : 'hint'} data-testid="retention-note">
      {text}
    </div>
  );
}

/** The text of the panel's warning before undelivered captures are deleted. */
export function purgeWarning(count: number, firstPurgeAt: number): string {
  return (
    `Неотправленные захваты (${count}) будут удалены из браузера, первый — ${formatDateTime(firstPurgeAt)}: ` +
    'в них могут быть персональные данные учеников, и дольше хранить их здесь нельзя. ' +
    'Войдите и отправьте их, иначе данные придётся собрать заново.'
  );
}
