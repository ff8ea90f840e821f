import type { Core } from '@strapi/strapi';
import { corsOrigin } from './cors';

export default ({ env }: Core.Config.Shared.ConfigParams) => [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  { name: 'strapi::cors', config: { origin: corsOrigin(env) } },
  'strapi::poweredBy',
  'strapi::query',
  {
    name: 'strapi::body',
    config: {
      formLimit: '60mb',
      jsonLimit: '60mb',
      textLimit: '60mb',
      formidable: { maxFileSize: 60 * 1024 * 1024 },
    },
  },
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
