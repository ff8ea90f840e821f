import { type FormEvent, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { normaliseServerUrl, originPattern } from '@/utils/auth/server-url';
import { signIn } from '@/utils/auth/session';
import { lastIdentifierItem } from '@/utils/storage';

export interface SignInFlow {
  server: string;
  setServer: (server: string) => void;
  identifier: string;
  setIdentifier: (identifier: string) => void;
  password: string;
  setPassword: (password: string) => void;
  busy: boolean;
  error: string | null;
  submit: (event: FormEvent) => void;
}

function askServerPermission(url: string): Promise<boolean> {
  return browser.permissions.request({ origins: [originPattern(url)] }).catch((error: unknown) => {
    // A «no» resolves to false; a rejection means the browser could not ask at all.
    console.warn('[nastavnik] server permission request failed', error);
    return false;
  });
}

/** Signs in; resolves to what to tell the user when that failed, null when it worked. */
async function attemptSignIn(
  url: string,
  identifier: string,
  password: string,
  permission: Promise<boolean>,
): Promise<string | null> {
  const granted = await permission;
  try {
    await signIn(url, identifier, password);
    await lastIdentifierItem.setValue(identifier);
    return null;
  } catch (failure) {
    const message = failure instanceof Error ? failure.message : 'Не удалось войти.';
    return granted
      ? message
      : `${message} Расширению не разрешено обращаться к серверу: подтвердите доступ при следующем входе.`;
  }
}

/** The sign-in form: the server address, the last login remembered, and the sign-in itself. */
export function useSignIn(serverUrl: string): SignInFlow {
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
    const permission = askServerPermission(normalised.url);
    setBusy(true);
    setError(null);
    void attemptSignIn(normalised.url, identifier.trim(), password, permission)
      .then((problem) => {
        if (problem === null) setPassword('');
        else setError(problem);
      })
      .finally(() => setBusy(false));
  };

  return { server, setServer, identifier, setIdentifier, password, setPassword, busy, error, submit };
}
