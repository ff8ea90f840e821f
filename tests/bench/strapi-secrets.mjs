/**
 * Fresh secrets for a Strapi a benchmark or soak starts: random per run, never a fixed key in the
 * repository.
 */
import { randomBytes } from 'node:crypto';

const secret = () => randomBytes(24).toString('base64');

export const strapiSecrets = () => ({
  APP_KEYS: [secret(), secret()].join(','),
  API_TOKEN_SALT: secret(),
  ADMIN_JWT_SECRET: secret(),
  TRANSFER_TOKEN_SALT: secret(),
  JWT_SECRET: secret(),
  ENCRYPTION_KEY: secret(),
});
