import type { SiteAuditPayload } from '@nastavnik/shared/capture';
import { isRoadmapDocumentLink } from '@/utils/roadmap/link';

/**
 * The audit of a «Наставничество» section. A road map published as a file (PDF, DOCX) can be
 * imported from here: the panel fetches it and opens it in the file tab.
 */
export function AuditPreview({
  payload,
  importing = null,
  onImportLink,
}: {
  payload: SiteAuditPayload;
  /** The link being fetched now, if any. */
  importing?: string | null;
  onImportLink?: (href: string) => void;
}) {
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
                      {part.key === 'roadmap' && onImportLink && isRoadmapDocumentLink(link.href) ? (
                        <>
                          {' '}
                          <button
                            type="button"
                            className="link-button"
                            aria-label={`Импортировать дорожную карту «${link.text || link.href}»`}
                            disabled={importing !== null}
                            onClick={() => onImportLink(link.href)}
                          >
                            {importing === link.href ? 'Скачиваю…' : 'Импортировать'}
                          </button>
                        </>
                      ) : null}
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
