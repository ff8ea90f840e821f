/**
 * Admin-panel accounts of the plugin's admin roles, bound to organisations of the seeded tree, plus one
 * account with Strapi's stock «Editor» role and no binding. Created straight in the database and signed
 * in over HTTP, as the admin panel signs in.
 */
import type { Core } from '@strapi/strapi';

export interface FixtureAdmin {
  email: string;
  /** The admin role's code. */
  role: string;
  organisationSlug: string | null;
  token: string;
}

export const FIXTURE_ADMIN_PASSWORD = 'FixtureAdmin1pass';

/** who → (admin role code, organisation slug the account is bound to) */
export const FIXTURE_ADMINS = {
  demoCuratorAdmin: ['nastavnik-curator', 'bor-demo-school'],
  demoEditorAdmin: ['nastavnik-editor', 'bor-demo-school'],
  borMethodistAdmin: ['nastavnik-methodist', 'bor-uoimp'],
  samaraEditorAdmin: ['nastavnik-editor', 'privolzhye-school-3'],
  stockEditorAdmin: ['strapi-editor', null],
} as const satisfies Record<string, readonly [string, string | null]>;

/** Strapi types its services loosely; this is the admin user service's method used here. */
const adminUsers = (strapi: Core.Strapi) =>
  strapi.service('admin::user') as unknown as { create(data: Record<string, unknown>): Promise<unknown> };

export async function signInAdmin(url: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${url}/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const body = (await res.json()) as { data?: { token?: string } };
  if (!body.data?.token)
    throw new Error(`Не удалось войти в админ-панель как ${email}: ${JSON.stringify(body)}`);
  return body.data.token;
}

export async function createFixtureAdmins(
  strapi: Core.Strapi,
  url: string,
): Promise<Record<string, FixtureAdmin>> {
  const admins: Record<string, FixtureAdmin> = {};
  for (const [name, [code, slug]] of Object.entries(FIXTURE_ADMINS)) {
    const role = (await strapi.db.query('admin::role').findOne({ where: { code } })) as { id: number } | null;
    if (!role) throw new Error(`Нет роли админ-панели ${code}`);
    const email = `${name.toLowerCase()}@test.local`;
    await adminUsers(strapi).create({
      email,
      firstname: name,
      lastname: 'Тест',
      password: FIXTURE_ADMIN_PASSWORD,
      isActive: true,
      roles: [role.id],
    });
    if (slug) {
      const organisation = (await strapi.db
        .query('plugin::nastavnik.organisation')
        .findOne({ where: { slug }, select: ['documentId'] })) as { documentId: string } | null;
      if (!organisation) throw new Error(`В начальных данных нет организации ${slug}`);
      await strapi
        .documents('plugin::nastavnik.admin-access')
        .create({ data: { email, organisation: organisation.documentId } });
    }
    admins[name] = {
      email,
      role: code,
      organisationSlug: slug,
      token: await signInAdmin(url, email, FIXTURE_ADMIN_PASSWORD),
    };
  }
  return admins;
}
