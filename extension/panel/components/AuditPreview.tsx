import type { SiteAuditPayload } from '@nastavnik/shared/capture';

export function AuditPreview({ payload }: { payload: SiteAuditPayload }) {
  const present = payload.parts.filter((part) => part.present).length;
  return (
    <section className="audit">
      <p className="audit__score">
        Есть <strong>{present}</strong> из {payload.parts.length} частей раздела
      </p>
      {payload.sectionUrl ? (
        <p className="hint">
          Раздел:{' '}
          <a href={payload.sectionUrl} target="_blank" rel="noopener noreferrer">
            {payload.sectionUrl}
          </a>
        </p>
      ) : null}
      <ul className="audit__list">
        {payload.parts.map((part) => (
          <li key={part.key} className={part.present ? 'audit__item is-present' : 'audit__item is-missing'}>
            <span className="audit__mark" aria-hidden="true">
              {part.present ? '✓' : '✕'}
            </span>
            <div>
              <div className="audit__label">
                {part.label}
                <span className="visually-hidden">{part.present ? ': есть' : ': нет'}</span>
              </div>
              {part.key === 'curator' && payload.curator ? (
                <p className="hint">
                  {[
                    payload.curator.name,
                    payload.curator.position,
                    payload.curator.phone,
                    payload.curator.email,
                  ]
                    .filter(Boolean)
                    .join(', ')}
                </p>
              ) : null}
              {part.links.length > 0 ? (
                <ul className="audit__links">
                  {part.links.slice(0, 3).map((link) => (
                    <li key={link.href}>
                      <a href={link.href} target="_blank" rel="noopener noreferrer" title={link.href}>
                        {link.text || link.href}
                      </a>
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
