import { Box, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import type { AdminEmbedInfo } from '@nastavnik/shared/contracts/admin-panel';
import { EmbedSnippets } from '../components/EmbedSnippets.js';
import { Nav } from './Nav.js';
import { useLoad } from './useLoad.js';

/** Where embedding is allowed, said plainly so an administrator knows what to configure. */
export function allowedSitesText(info: AdminEmbedInfo, website: string | null) {
  const sites = [website, ...info.allowedOrigins.map((o) => (o === 'https:' ? 'любой сайт по https' : o))];
  const named = sites.filter((s): s is string => Boolean(s));
  return named.length
    ? `Показывать раздел в рамке могут: ${named.join(', ')}.`
    : 'Сайт организации не указан: укажите его в карточке организации (поле «Сайт») или перечислите сайты в переменной PUBLIC_EMBED_ORIGINS, иначе браузер не покажет рамку.';
}

/** Every organisation of the account's scope with its two embedding snippets. */
export function Embed() {
  const { get } = useFetchClient();
  const { data, error } = useLoad(() => get<AdminEmbedInfo>('/nastavnik/public-embed').then((r) => r.data));
  if (error) return <Page.Error />;
  if (!data) return <Page.Loading />;
  return (
    <>
      <Page.Title>Наставничество — встраивание на сайт</Page.Title>
      <Layouts.Header
        title="Встраивание на сайт"
        subtitle="Раздел «Наставничество» на собственном сайте школы: рамка или одна строка скрипта"
      />
      <Layouts.Content>
        <Nav />
        {data.organisations.length ? (
          data.organisations.map((o) => (
            <Box
              key={o.documentId}
              tag="section"
              background="neutral0"
              padding={6}
              shadow="tableShadow"
              hasRadius
              marginBottom={6}
            >
              <Typography tag="h2" variant="delta">
                {o.name}
              </Typography>
              <Typography tag="p" textColor="neutral600" paddingBottom={4}>
                {allowedSitesText(data, o.website)}
              </Typography>
              <EmbedSnippets base={data.base} organisation={o} />
            </Box>
          ))
        ) : (
          <Typography textColor="neutral600">Нет организаций в вашей зоне.</Typography>
        )}
      </Layouts.Content>
    </>
  );
}
