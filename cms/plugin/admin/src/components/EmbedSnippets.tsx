/**
 * The two embedding snippets of one organisation's public section, ready to copy: an `<iframe>` that
 * sizes itself and a one-line `<script>` include. Used on the plugin's «Встраивание» screen and in the
 * side panel of a site section's edit view.
 */
import { Box, Button, Field, Flex, Link, Textarea, Typography } from '@strapi/design-system';
import { embedSnippets } from '@nastavnik/shared/embed-snippets';
import { useState } from 'react';

function Snippet({ id, label, hint, value }: { id: string; label: string; hint: string; value: string }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    await navigator.clipboard.writeText(value);
    setCopied(true);
  }
  return (
    <Box paddingBottom={3}>
      <Field.Root name={id} id={id} hint={hint}>
        <Field.Label>{label}</Field.Label>
        <Textarea
          value={value}
          readOnly
          onFocus={(e: { target: HTMLTextAreaElement }) => e.target.select()}
        />
        <Field.Hint />
      </Field.Root>
      <Flex gap={2} paddingTop={2}>
        <Button variant="secondary" size="S" onClick={() => void copy()}>
          Скопировать
        </Button>
        <span role="status">
          {copied ? <Typography textColor="success600">Скопировано</Typography> : null}
        </span>
      </Flex>
    </Box>
  );
}

export function EmbedSnippets({
  base,
  organisation,
}: {
  base: string;
  organisation: { documentId: string; name: string; slug: string };
}) {
  const s = embedSnippets(base, organisation.slug, organisation.name);
  return (
    <Box>
      <Typography tag="p" paddingBottom={3}>
        Страница раздела:{' '}
        <Link href={s.page} isExternal>
          {s.page}
        </Link>
      </Typography>
      <Snippet
        id={`iframe-${organisation.documentId}`}
        label="Встроить рамкой (iframe)"
        hint="Вставьте в HTML страницы сайта школы; высота рамки подстраивается под содержимое."
        value={s.iframe}
      />
      <Snippet
        id={`script-${organisation.documentId}`}
        label="Встроить одной строкой (script)"
        hint="Скрипт сам добавит рамку с разделом в том месте страницы, где стоит."
        value={s.script}
      />
    </Box>
  );
}
