import type { Core } from '@strapi/strapi';
import { nastavnikService } from '../src/nastavnik';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  auth: { secret: env('ADMIN_JWT_SECRET') },
  apiToken: { salt: env('API_TOKEN_SALT') },
  transfer: { token: { salt: env('TRANSFER_TOKEN_SALT') } },
  secrets: { encryptionKey: env('ENCRYPTION_KEY') },
  flags: { nps: false, promoteEE: false },
  // The Content Manager's Preview opens a draft's public page through a signed, expiring link that
  // the plugin issues only for documents the admin account may read.
  preview: {
    enabled: true,
    config: {
      handler: (uid: string, { documentId }: { documentId: string }) =>
        nastavnikService(strapi, 'preview').url(uid, documentId),
    },
  },
});
