import { type FormEvent, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { normaliseServerUrl, originPattern } from '@/utils/auth/server-url';
import { signIn } from '@/utils/auth/session';
import { lastIdentifierItem } from '@/utils/storage';
import { Notice } from './Notice';

export function SignInForm({ expired, serverUrl }: { expired: boolean; serverUrl: string }) {
  const [server, setServer] = useState(serverUrl);
  const [identifier, setIdentifier] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const [knownServerUrl, setKnownServerUrl] = useState(serverUrl);
  // A server address that arrives later fills the field only if the user has not typed one; adjusted
  // while rendering, as React advises for state that follows a prop, rather than in an effect.
  if (serverUrl !== knownServerUrl) {
    setKnownServerUrl(serverUrl);
    setServer((current) => current || serverUrl);
  }
  useEffect(() => {
    void lastIdentifierItem.getValue().then((value) => setIdentifier((current) => current || value));
  }, []);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const normalised = normaliseServerUrl(server);
    if (!normalised.ok) {
      setError(normalised.message);
      return;
    }
    if (!identifier.trim() || !password) {
      setError('Введите логин и пароль.');
      return;
    }
    // Asked synchronously inside the submit gesture; without it the browser needs CORS from the server.
    const permission = browser.permissions
      .request({ origins: [originPattern(normalised.url)] })
      .catch((error: unknown) => {
        // A «no» resolves to false; a rejection means the browser could not ask at all.
        console.warn('[nastavnik] server permission request failed', error);
        return false;
      });
    setBusy(true);
    setError(null);
    void (async () => {
      const granted = await permission;
      try {
        await signIn(normalised.url, identifier.trim(), password);
        await lastIdentifierItem.setValue(identifier.trim());
        setPassword('');
      } catch (failure) {
        const message = failure instanceof Error ? failure.message : 'Не удалось войти.';
        setError(
          granted
            ? message
            : `${message} Расширению не разрешено обращаться к серверу: подтвердите доступ при следующем входе.`,
        );
      } finally {
        setBusy(false);
      }
    })();
  };

  return (
    <form className="card sign-in" onSubmit={submit} noValidate>
      <h2 className="card__title">Вход в «Наставник»</h2>
      {expired ? (
        <Notice tone="warning" title="Сессия истекла, войдите снова">
          Захваченные данные сохранены и будут отправлены после входа.
        </Notice>
      ) : null}
      <label className="field">
        <span className="field__label">Адрес сервера</span>
        <input
          type="url"
          inputMode="url"
          placeholder="https://nastavnik.школа.рф"
          value={server}
          onChange={(event) => setServer(event.target.value)}
          autoComplete="url"
          required
        />
      </label>
      <label className="field">
        <span className="field__label">Логин или эл. почта</span>
        <input
          value={identifier}
          onChange={(event) => setIdentifier(event.target.value)}
          autoComplete="username"
          required
        />
      </label>
      <label className="field">
        <span className="field__label">Пароль</span>
        <input
          type="password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          autoComplete="current-password"
          required
        />
      </label>
      {error ? <Notice tone="error">{error}</Notice> : null}
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? 'Вход…' : 'Войти'}
      </button>
    </form>
  );
}
