/**
 * The first administrator is created on first start: e-mail from ADMIN_EMAIL, password from
 * ADMIN_PASSWORD or generated and printed once. The repository holds no password.
 */
import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';

// Strapi types every service as a bag of `any`: these are the parts of the admin services used here.
interface AdminUserService {
  exists(): Promise<boolean>;
  create(attributes: Record<string, unknown>): Promise<unknown>;
}
interface AdminRoleService {
  getSuperAdmin(): Promise<{ id: number } | undefined>;
}

export async function ensureFirstAdmin(strapi: Core.Strapi) {
  const users = strapi.service('admin::user') as AdminUserService;
  if (await users.exists()) return;
  // An empty variable counts as unset (`||`), as a blank line in an .env file would leave it.
  const email = process.env.ADMIN_EMAIL || 'admin@nastavnik.local';
  const generated = !process.env.ADMIN_PASSWORD;
  // Strapi's rules: 8+ characters with a lower-case letter, an upper-case letter and a digit.
  const password = process.env.ADMIN_PASSWORD || `Nv${randomBytes(12).toString('base64url')}7a`;
  const superAdmin = await (strapi.service('admin::role') as AdminRoleService).getSuperAdmin();
  await users.create({
    email,
    firstname: 'Администратор',
    lastname: 'Наставник',
    password,
    isActive: true,
    registrationToken: null,
    preferedLanguage: 'ru',
    roles: superAdmin ? [superAdmin.id] : [],
  });
  const lines = [
    '',
    '┌─ Первый администратор создан ─────────────────────────────────────',
    `│ Эл. почта: ${email}`,
    generated
      ? `│ Пароль:    ${password}   (показан один раз: сохраните его)`
      : '│ Пароль:    из переменной ADMIN_PASSWORD',
    '│ Сменить пароль: npm run admin:reset-password -- --email <почта> --password <новый>',
    '└──────────────────────────────────────────────────────────────────',
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');
}
