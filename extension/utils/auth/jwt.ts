/**
 * Reads the expiry of a JWT without verifying it: the server verifies, the panel only needs to know
 * when to stop sending a token that will be refused and to ask the user to sign in again.
 */

/** Seconds of slack so a token that expires mid-request counts as expired already. */
const SKEW_SECONDS = 30;

function decodeBase64Url(segment: string): string {
  const base64 = segment
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(segment.length / 4) * 4, '=');
  const binary = atob(base64);
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/** Expiry in epoch milliseconds; null when the token has no `exp` or cannot be read. */
export function tokenExpiry(token: string): number | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const claims: unknown = JSON.parse(decodeBase64Url(payload));
    if (typeof claims === 'object' && claims !== null && 'exp' in claims && typeof claims.exp === 'number') {
      return claims.exp * 1000;
    }
  } catch {
    // not a JWT we can read: treat as having no known expiry, the server will tell
  }
  return null;
}

export function isTokenExpired(token: string, now: number = Date.now()): boolean {
  const expiry = tokenExpiry(token);
  return expiry !== null && expiry - SKEW_SECONDS * 1000 <= now;
}
