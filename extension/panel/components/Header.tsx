import { userRoles } from '@nastavnik/shared/enums';
import type { Profile } from '@/utils/storage';

export function Header({
  profile,
  signedIn,
  onSignOut,
}: {
  profile: Profile | null | undefined;
  signedIn: boolean;
  onSignOut: () => void;
}) {
  const organisation = profile?.organisation;
  return (
    <header className="header">
      <div className="brand">
        <span className="brand__mark" aria-hidden="true">
          Н
        </span>
        <span className="brand__name">Наставник</span>
      </div>
      {signedIn && profile ? (
        <div className="account">
          <div className="account__who" data-testid="account">
            <span className="account__org" title={organisation?.name ?? ''}>
              {organisation ? organisation.shortName || organisation.name : 'Организация не указана'}
            </span>
            <span className="account__role">
              {profile.username}
              {profile.role ? ` · ${userRoles.label(profile.role)}` : ''}
            </span>
          </div>
          <button type="button" className="link-button" onClick={onSignOut}>
            Выйти
          </button>
        </div>
      ) : (
        <span className="account__none">Вход не выполнен</span>
      )}
    </header>
  );
}
