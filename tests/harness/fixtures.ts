/** API users of every role, in organisations of the seeded tree, created straight in the database. */
import type { Core } from '@strapi/strapi';
import { userRoles, type UserRole } from '@nastavnik/shared';

export interface FixtureUser {
  username: string;
  password: string;
  role: UserRole;
  organisationSlug: string;
  jwt: string;
}

export interface Fixtures {
  organisations: Record<string, string>;
  users: Record<string, FixtureUser>;
}

const PASSWORD = 'Fixture1pass';

/** who → (role, organisation slug) */
export const FIXTURE_USERS = {
  demoCurator: ['curator', 'bor-demo-school'],
  demoStaff: ['staff', 'bor-demo-school'],
  demoEditor: ['editor', 'bor-demo-school'],
  borMethodist: ['methodist', 'bor-uoimp'],
  samaraCurator: ['curator', 'privolzhye-school-3'],
  samaraMethodist: ['methodist', 'samara-rc'],
  kamenskCurator: ['curator', 'kamensk-school-40'],
} as const satisfies Record<string, readonly [UserRole, string]>;

export async function createFixtureUsers(strapi: Core.Strapi, url: string): Promise<Fixtures> {
  const orgRows = (await strapi.db
    .query('plugin::nastavnik.organisation')
    .findMany({ select: ['documentId', 'slug', 'id'] })) as Array<{
    documentId: string;
    slug: string;
    id: number;
  }>;
  const organisations = Object.fromEntries(orgRows.map((o) => [o.slug, o.documentId]));
  const users: Record<string, FixtureUser> = {};
  for (const [username, [role, slug]] of Object.entries(FIXTURE_USERS)) {
    if (!userRoles.values.includes(role)) throw new Error(role);
    const roleRow = (await strapi.db
      .query('plugin::users-permissions.role')
      .findOne({ where: { type: role } })) as { id: number } | null;
    if (!roleRow) throw new Error(`Нет роли ${role}`);
    const org = orgRows.find((o) => o.slug === slug);
    if (!org) throw new Error(`В начальных данных нет организации ${slug}`);
    await strapi
      .plugin('users-permissions')
      .service<{ add(user: Record<string, unknown>): Promise<unknown> }>('user')
      .add({
        username,
        email: `${username}@test.local`,
        password: PASSWORD,
        provider: 'local',
        confirmed: true,
        blocked: false,
        role: roleRow.id,
        organisation: org.id,
      });
    const res = await fetch(`${url}/api/auth/local`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ identifier: username, password: PASSWORD }),
    });
    const body = (await res.json()) as { jwt?: string };
    if (!body.jwt) throw new Error(`Не удалось войти как ${username}: ${JSON.stringify(body)}`);
    users[username] = { username, password: PASSWORD, role, organisationSlug: slug, jwt: body.jwt };
  }
  return { organisations, users };
}
