import { Flex, LinkButton } from '@strapi/design-system';
import { NavLink, useLocation } from 'react-router-dom';

const BASE = '/plugins/nastavnik';
const SCREENS = [
  { to: BASE, label: 'Обзор' },
  { to: `${BASE}/import`, label: 'Импорт дорожной карты' },
  { to: `${BASE}/review`, label: 'Проверка кейсов' },
  { to: `${BASE}/embed`, label: 'Встраивание на сайт' },
];

/** The plugin's screens, the current one marked for screen readers too. */
export function Nav() {
  const { pathname } = useLocation();
  const current = (to: string) => pathname.replace(/\/$/, '').endsWith(to.slice(BASE.length) || BASE);
  return (
    <Flex tag="nav" aria-label="Разделы плагина «Наставничество»" gap={2} paddingBottom={4}>
      {SCREENS.map((s) => (
        <LinkButton
          key={s.to}
          tag={NavLink}
          to={s.to}
          end
          variant={current(s.to) ? 'default' : 'tertiary'}
          aria-current={current(s.to) ? 'page' : undefined}
        >
          {s.label}
        </LinkButton>
      ))}
    </Flex>
  );
}

/** A Content Manager address of a plugin document. */
export const editLink = (type: string, documentId: string) =>
  `/content-manager/collection-types/plugin::nastavnik.${type}/${documentId}`;
