/**
 * Roles and their permissions are code: reviewed like code, re-applied on every start. Tenancy (which
 * organisations) is the document-service middleware's job; these grants decide which types and actions
 * a role may use at all.
 */
import type { UserRole } from '@nastavnik/shared';
import { userRoles } from '@nastavnik/shared';
import { definitions } from '../content-types/index.js';
import type { Strapi } from '../types.js';

type Action =
  | 'find'
  | 'findOne'
  | 'create'
  | 'update'
  | 'delete'
  | 'export'
  | 'importFile'
  | 'pairsOrder'
  | 'report'
  | 'participants'
  | 'note'
  | 'uploadEvidence';
const READ: Action[] = ['find', 'findOne'];
const ALL: Action[] = ['find', 'findOne', 'create', 'update', 'delete'];
const WRITE_NO_DELETE: Action[] = ['find', 'findOne', 'create', 'update'];
const ROADMAP_READ: Action[] = [...READ, 'export'];
const ROADMAP_ALL: Action[] = [...ALL, 'export', 'importFile'];
/** KPI values and monitoring reports: figures of the caller's subtree, no person in them. */
const KPI_READ: Action[] = [...READ, 'report'];
const KPI_ALL: Action[] = [...ALL, 'report', 'participants', 'note'];

const allTypes = definitions.map((d) => d.definition.singularName);
const publicTypes = definitions
  .filter((d) => d.definition.access === 'public')
  .map((d) => d.definition.singularName);

/** type → actions, per role. Methodists and editors never touch personal data. */
export const grants: Record<UserRole, Record<string, Action[]>> = {
  // The access log is written by the plugin alone; the curator reads their organisation's.
  curator: {
    ...Object.fromEntries(allTypes.map((t) => [t, ALL])),
    roadmap: ROADMAP_ALL,
    programme: [...ALL, 'pairsOrder'],
    'access-log': READ,
    'kpi-indicator': KPI_ALL,
    'roadmap-activity': [...ALL, 'uploadEvidence'],
  },
  methodist: {
    ...Object.fromEntries(publicTypes.map((t) => [t, READ])),
    organisation: WRITE_NO_DELETE,
    programme: ALL,
    roadmap: ROADMAP_ALL,
    'roadmap-activity': [...ALL, 'uploadEvidence'],
    'kpi-indicator': KPI_ALL,
    'contingent-snapshot': ALL,
    'monitoring-snapshot': WRITE_NO_DELETE,
    case: ALL,
    'news-item': ALL,
    'site-section': ALL,
    questionnaire: ALL,
  },
  editor: {
    ...Object.fromEntries(publicTypes.map((t) => [t, READ])),
    roadmap: ROADMAP_READ,
    'kpi-indicator': KPI_READ,
    'site-section': ALL,
    'news-item': ALL,
    case: WRITE_NO_DELETE,
    partner: ALL,
  },
  staff: {
    ...Object.fromEntries(publicTypes.map((t) => [t, READ])),
    roadmap: ROADMAP_READ,
    'kpi-indicator': KPI_READ,
    person: READ,
    pair: READ,
    questionnaire: READ,
    'roadmap-activity': ['find', 'findOne', 'update', 'uploadEvidence'],
    meeting: WRITE_NO_DELETE,
    capture: WRITE_NO_DELETE,
    'progress-record': WRITE_NO_DELETE,
    'questionnaire-response': WRITE_NO_DELETE,
    case: WRITE_NO_DELETE,
  },
};

const ROLE_DESCRIPTIONS: Record<UserRole, string> = {
  curator: 'Куратор внедрения целевой модели в организации: все данные своей организации и подведомственных',
  methodist:
    'Методист ИМЦ или РЦ: дорожные карты, показатели и кейсы всех подведомственных организаций, без персональных данных',
  editor: 'Редактор сайта: раздел «Наставничество», новости, кейсы, партнёры',
  staff: 'Сотрудник: встречи, замеры, данные из расширения браузера',
};

/** Users' own account actions every signed-in role needs. */
const ACCOUNT_ACTIONS = [
  'plugin::users-permissions.user.me',
  'plugin::users-permissions.auth.changePassword',
];

const ROLE = 'plugin::users-permissions.role';
const PERMISSION = 'plugin::users-permissions.permission';

async function setRolePermissions(
  strapi: Strapi,
  roleId: number,
  wanted: Set<string>,
  managedPrefix: string,
) {
  const existing = (await strapi.db.query(PERMISSION).findMany({
    where: { role: { id: roleId } },
    select: ['id', 'action'],
  })) as Array<{ id: number; action: string }>;
  const have = new Set(existing.map((p) => p.action));
  for (const action of wanted) {
    if (!have.has(action)) await strapi.db.query(PERMISSION).create({ data: { action, role: roleId } });
  }
  // Only our own grants are revoked, so an administrator's extra grants for other plugins survive.
  for (const p of existing) {
    if (p.action.startsWith(managedPrefix) && !wanted.has(p.action)) {
      await strapi.db.query(PERMISSION).delete({ where: { id: p.id } });
    }
  }
}

export async function ensureRoles(strapi: Strapi) {
  // One transaction: on SQLite every statement outside one is its own synced commit.
  await strapi.db.transaction(() => ensureRolesNow(strapi));
}

async function ensureRolesNow(strapi: Strapi) {
  for (const role of userRoles.values) {
    let row = (await strapi.db.query(ROLE).findOne({ where: { type: role } })) as { id: number } | null;
    row ??= (await strapi.db.query(ROLE).create({
      data: { type: role, name: userRoles.label(role), description: ROLE_DESCRIPTIONS[role] },
    })) as { id: number };
    const wanted = new Set<string>(ACCOUNT_ACTIONS);
    for (const [type, actions] of Object.entries(grants[role])) {
      for (const action of actions) wanted.add(`plugin::nastavnik.${type}.${action}`);
    }
    await setRolePermissions(strapi, row.id, wanted, 'plugin::nastavnik.');
  }

  const publicRole = (await strapi.db.query(ROLE).findOne({ where: { type: 'public' } })) as {
    id: number;
  } | null;
  if (publicRole) {
    const wanted = new Set<string>();
    for (const type of publicTypes)
      for (const action of READ) wanted.add(`plugin::nastavnik.${type}.${action}`);
    wanted.add('plugin::nastavnik.roadmap.export');
    await setRolePermissions(strapi, publicRole.id, wanted, 'plugin::nastavnik.');
    // Accounts are created by curators and administrators, never by visitors signing themselves up.
    await strapi.db.query(PERMISSION).deleteMany({
      where: { role: { id: publicRole.id }, action: 'plugin::users-permissions.auth.register' },
    });
  }
  const store = strapi.store({ type: 'plugin', name: 'users-permissions' });
  const advanced = ((await store.get({ key: 'advanced' })) ?? {}) as Record<string, unknown>;
  if (advanced.allow_register !== false)
    await store.set({ key: 'advanced', value: { ...advanced, allow_register: false } });
}
