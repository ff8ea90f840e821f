/**
 * The admin-panel side of the plugin's roles, as code: three admin roles whose Content Manager rights are
 * the same grants table the content-API roles use (setup/roles.ts), each limited by the condition
 * «in the account's organisation». The condition only shapes what the Content Manager lists and offers
 * in relation pickers; the document-service middleware enforces the same scope on every call.
 */
import { uidOf } from '../content-types/index.js';
import { grants } from '../setup/roles.js';
import { adminActorOf } from '../tenancy/actor.js';
import type { Strapi } from '../types.js';
import { adminRoleCode, adminRoles, type AdminRole, type AdminUser } from './actor.js';

const CONDITION_NAME = 'organisation-scope';
const CONDITION_ID = `plugin::nastavnik.${CONDITION_NAME}`;
const ORGANISATION = uidOf('organisation');

const ROLE_NAMES: Record<AdminRole, { name: string; description: string }> = {
  curator: {
    name: 'Наставничество: куратор',
    description: 'Все данные наставничества своей организации, включая участников и согласия',
  },
  methodist: {
    name: 'Наставничество: методист',
    description:
      'Дорожные карты, программы, показатели и кейсы своей и подведомственных организаций, без персональных данных',
  },
  editor: {
    name: 'Наставничество: редактор сайта',
    description: 'Раздел «Наставничество», новости, кейсы и партнёры своей организации',
  },
};

interface Permission {
  action: string;
  subject?: string | null;
  properties?: Record<string, unknown>;
  conditions?: string[];
}
interface ConditionProvider {
  register(condition: {
    displayName: string;
    name: string;
    plugin: string;
    handler(user: AdminUser & { permission?: Permission }): Promise<boolean | Record<string, unknown>>;
  }): Promise<unknown>;
}
interface PermissionService {
  conditionProvider: ConditionProvider;
  actionProvider: { values(): Array<{ actionId: string; section: string; subjects?: string[] }> };
}
interface ContentTypeService {
  getPermissionsWithNestedFields(actions: unknown[]): Permission[];
}
interface RoleService {
  create(attributes: { name: string; code: string; description: string }): Promise<{ id: number }>;
  assignPermissions(roleId: number, permissions: Permission[]): Promise<unknown>;
}

/** Strapi types its services loosely; these are the parts of the admin's services used here. */
interface AdminServices {
  permission: PermissionService;
  'content-type': ContentTypeService;
  role: RoleService;
}
const adminService = <K extends keyof AdminServices>(strapi: Strapi, name: K) =>
  strapi.service(`admin::${name}`) as unknown as AdminServices[K];

/** The account's scope as a Content Manager filter on the permission's type. */
export async function registerOrganisationCondition(strapi: Strapi) {
  await adminService(strapi, 'permission').conditionProvider.register({
    displayName: 'В пределах своей организации (Наставничество)',
    name: CONDITION_NAME,
    plugin: 'nastavnik',
    async handler(user) {
      const actor = await adminActorOf(strapi, user);
      if (actor.kind === 'admin' || actor.kind === 'internal') return true;
      if (actor.kind === 'anonymous') return false;
      const ids = { $in: [...actor.scope] };
      return user.permission?.subject === ORGANISATION
        ? { documentId: ids }
        : { 'organisation.documentId': ids };
    },
  });
}

const CM = 'plugin::content-manager.explorer.';
const CM_ACTIONS: Record<string, string[]> = {
  find: ['read'],
  findOne: ['read'],
  create: ['create'],
  update: ['update', 'publish'],
  delete: ['delete'],
};

/** Media the account uploaded itself (documents, news images): Strapi's own «is creator» condition. */
const UPLOAD_OWN = [
  'plugin::upload.read',
  'plugin::upload.assets.create',
  'plugin::upload.assets.update',
  'plugin::upload.assets.download',
  'plugin::upload.assets.copy-link',
];

export function adminPermissionsOf(strapi: Strapi, role: AdminRole): Permission[] {
  const actions = adminService(strapi, 'permission')
    .actionProvider.values()
    .filter((a) => a.section === 'contentTypes');
  const all = adminService(strapi, 'content-type').getPermissionsWithNestedFields(actions);
  const wanted = new Set<string>();
  for (const [type, granted] of Object.entries(grants[role])) {
    for (const action of granted) {
      for (const cm of CM_ACTIONS[action] ?? []) wanted.add(`${CM}${cm} ${uidOf(type)}`);
    }
  }
  const typed = all
    .filter((p) => wanted.has(`${p.action} ${p.subject ?? ''}`))
    .map((p) => ({ ...p, conditions: [CONDITION_ID] }));
  return [...typed, ...UPLOAD_OWN.map((action) => ({ action, conditions: ['admin::is-creator'] }))];
}

export async function ensureAdminRoles(strapi: Strapi) {
  const roles = adminService(strapi, 'role');
  for (const role of adminRoles) {
    const code = adminRoleCode(role);
    const existing = (await strapi.db.query('admin::role').findOne({ where: { code } })) as {
      id: number;
    } | null;
    const row = existing ?? (await roles.create({ ...ROLE_NAMES[role], code }));
    await roles.assignPermissions(row.id, adminPermissionsOf(strapi, role));
  }
}
