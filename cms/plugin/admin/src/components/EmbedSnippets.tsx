/**
 * The two embedding snippets of one organisation's public section, ready to copy: an `<iframe>` that
 * sizes itself and a one-line `<script>` include. The plugin's «Встраивание на сайт» screen shows the
 * code; the narrow side panel of a site section's edit view offers the same code through copy buttons.
 */
import { Box, Button, Field, Flex, Link, Textarea, Typography } from '@strapi/design-system';
import { embedSnippets } from '@nastavnik/shared/embed-snippets';
import { useState } from 'react';

function CopyButton({ value, label }: { value: string; label: string }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    await navigator.clipboard.writeText(value);
    setCopied(true);
  }
  return (
    <Flex gap={2} paddingTop={2}>
      <Button variant="secondary" size="S" onClick={() => void copy()} aria-label={label}>
        Скопировать
      </Button>
      <span role="status">{copied ? <Typography textColor="success600">Скопировано</Typography> : null}</span>
    </Flex>
  );
}

interface SnippetProps {
  id: string;
  label: string;
  hint: string;
  value: string;
  compact: boolean;
}

function Snippet({ id, label, hint, value, compact }: SnippetProps) {
  if (compact)
    return (
      <Box paddingBottom={3}>
        <Typography tag="p" variant="pi" fontWeight="bold">
          {label}
        </Typography>
        <CopyButton value={value} label={`Скопировать: ${label}`} />
      </Box>
    );
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
      <CopyButton value={value} label={`Скопировать: ${label}`} />
    </Box>
  );
}

export function EmbedSnippets({
  base,
  organisation,
  compact = false,
}: {
  base: string;
  organisation: { documentId: string; name: string; slug: string };
  /** Copy buttons without the code itself, for the edit view's side panel. */
  compact?: boolean;
}) {
  const s = embedSnippets(base, organisation.slug, organisation.name);
  return (
    <Box>
      <Typography tag="p" paddingBottom={3}>
        <Link href={s.page} isExternal>
          {compact ? 'Открыть страницу раздела' : s.page}
        </Link>
      </Typography>
      <Snippet
        id={`iframe-${organisation.documentId}`}
        label="Встроить рамкой (iframe)"
        hint="Вставьте в HTML страницы сайта школы; высота рамки подстраивается под содержимое."
        value={s.iframe}
        compact={compact}
      />
      <Snippet
        id={`script-${organisation.documentId}`}
        label="Встроить одной строкой (script)"
        hint="Скрипт сам добавит рамку с разделом в том месте страницы, где стоит."
        value={s.script}
        compact={compact}
      />
    </Box>
  );
}
