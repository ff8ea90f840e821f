import { useSignIn } from '../hooks/useSignIn';
import { Notice } from './Notice';

export function SignInForm({ expired, serverUrl }: { expired: boolean; serverUrl: string }) {
  const { server, setServer, identifier, setIdentifier, password, setPassword, busy, error, submit } =
    useSignIn(serverUrl);
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
