/**
 * Who an admin-panel account is for the organisation rules. Super admins keep the whole database; an
 * account holding one of the plugin's admin roles works as that role inside the organisation its
 * e-mail is bound to (methodists: with the organisations below it); any other account sees none of the
 * plugin's data, so an editor given a stock Strapi role cannot reach mentees by accident.
 */
import type { Actor } from '../tenancy/actor.js';
import { subtreeOf } from '../tenancy/organisations.js';
import type { Strapi } from '../types.js';

export const ADMIN_ACCESS = 'plugin::nastavnik.admin-access';
export const SUPER_ADMIN_CODE = 'strapi-super-admin';

/** The plugin's roles that admin-panel accounts can hold, most trusted first. */
export const adminRoles = ['curator', 'methodist', 'editor'] as const;
export type AdminRole = (typeof adminRoles)[number];
export const adminRoleCode = (role: AdminRole) => `nastavnik-${role}`;

export interface AdminUser {
  id: number | string;
  email?: string | null;
  roles?: ReadonlyArray<{ code?: string | null }> | null;
}

async function boundOrganisation(strapi: Strapi, email: string | null | undefined) {
  if (!email) return null;
  const row = (await strapi.db.query(ADMIN_ACCESS).findOne({
    where: { email: { $eqi: email } },
    populate: { organisation: { select: ['documentId'] } },
  })) as { organisation?: { documentId: string } | null } | null;
  return row?.organisation?.documentId ?? null;
}

export async function adminAccountActor(strapi: Strapi, user: AdminUser): Promise<Actor> {
  const codes = new Set((user.roles ?? []).map((r) => r.code));
  if (codes.has(SUPER_ADMIN_CODE)) return { kind: 'admin' };
  const role = adminRoles.find((r) => codes.has(adminRoleCode(r))) ?? null;
  const organisation = role ? await boundOrganisation(strapi, user.email) : null;
  let scope = new Set<string>();
  if (organisation)
    scope = role === 'methodist' ? await subtreeOf(strapi, organisation) : new Set([organisation]);
  return {
    kind: 'user',
    account: 'admin',
    userId: Number(user.id),
    role,
    organisationDocumentId: organisation,
    scope,
  };
}
