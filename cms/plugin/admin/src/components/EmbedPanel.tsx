/**
 * The side panel of a site section's edit view in the Content Manager: the section's embedding snippets.
 */
import { Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import type { AdminEmbedInfo } from '@nastavnik/shared/contracts/admin-panel';
import { useEffect, useState } from 'react';
import { EmbedSnippets } from './EmbedSnippets.js';

const SECTION = 'plugin::nastavnik.site-section';

function SectionSnippets({ section }: { section: string }) {
  const { get } = useFetchClient();
  const [info, setInfo] = useState<AdminEmbedInfo | null>(null);
  useEffect(() => {
    let current = true;
    get<AdminEmbedInfo>(`/nastavnik/public-embed?section=${encodeURIComponent(section)}`).then(
      (r) => {
        if (current) setInfo(r.data);
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [get, section]);
  const organisation = info?.organisations[0];
  if (!info) return <Typography textColor="neutral600">Загрузка…</Typography>;
  if (!organisation)
    return (
      <Typography textColor="neutral600">Сохраните раздел с организацией, чтобы получить код.</Typography>
    );
  return <EmbedSnippets base={info.base} organisation={organisation} compact />;
}

interface PanelProps {
  model: string;
  documentId?: string;
}

/** Strapi calls panels with the edit view's context; only site sections get this one. */
export function EmbedPanel({ model, documentId }: PanelProps) {
  if (model !== SECTION || !documentId) return null;
  return { title: 'Встроить на сайт школы', content: <SectionSnippets section={documentId} /> };
}
