/**
 * The host application: Strapi 5 with the «Наставничество» plugin. Its bootstrap runs after every plugin
 * has bootstrapped, which is when roles can be granted (users-permissions has created its own by then).
 */
import type { Core } from '@strapi/strapi';
import { ensureFirstAdmin } from './first-admin';
import { nastavnikService } from './nastavnik';
import { seed } from './seed';

export default {
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await nastavnikService(strapi, 'setup').afterPluginsBootstrap();
    await ensureFirstAdmin(strapi);
    // All of the seed or none of it, and far fewer disk syncs on SQLite.
    if (process.env.SEED !== 'false') await strapi.db.transaction(() => seed(strapi));
  },
};
