import {
  Alert,
  Box,
  Button,
  Field,
  Flex,
  Link,
  Radio,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import type { AdminOrganisationOption } from '@nastavnik/shared/contracts/admin-panel';
import type { RoadmapImportResult } from '@nastavnik/shared/contracts/roadmap-import';
import { useState, type FormEvent } from 'react';
import { NavLink } from 'react-router-dom';
import { Nav, editLink } from './Nav.js';
import { messageOf, useLoad } from './useLoad.js';

type Choice = 'new_version' | 'replace';
const CHOICES: Record<Choice, string> = {
  new_version: 'Записать новой версией, прежнюю — в архив',
  replace: 'Заменить прежнюю дорожную карту',
};

function Preview({ result }: { result: RoadmapImportResult }) {
  const draft = result.draft;
  if (!draft) return null;
  const approval = draft.approval;
  return (
    <Box paddingTop={6}>
      <Typography tag="h2" variant="beta">
        {draft.title ?? 'Без названия'}
      </Typography>
      <Box tag="dl" paddingTop={2}>
        <Typography tag="dt" fontWeight="bold">
          Период
        </Typography>
        <Typography tag="dd">
          {draft.period ? `${String(draft.period.start)}–${String(draft.period.end)}` : 'не указан'}
        </Typography>
        <Typography tag="dt" fontWeight="bold">
          Утверждена
        </Typography>
        <Typography tag="dd">{approval?.text ?? 'нет грифа утверждения'}</Typography>
        <Typography tag="dt" fontWeight="bold">
          Разделы
        </Typography>
        <Typography tag="dd">
          {draft.sections.length ? draft.sections.map((s) => s.title).join('; ') : 'без разделов'}
        </Typography>
      </Box>
      {result.warnings.length > 0 && (
        <Box paddingTop={4}>
          <Typography tag="h3" variant="delta">
            Замечания ({result.warnings.length})
          </Typography>
          <ul>
            {result.warnings.map((w, i) => (
              <li key={i}>
                <Typography>
                  {w.row ? `Строка ${String(w.row)}${w.cell ? `, столбец «${w.cell}»` : ''}: ` : ''}
                  {w.message}
                </Typography>
              </li>
            ))}
          </ul>
        </Box>
      )}
      <Box paddingTop={4}>
        <Table
          colCount={4}
          rowCount={draft.activities.length + 1}
          aria-label={`Мероприятия: ${String(draft.activities.length)}`}
        >
          <Thead>
            <Tr>
              <Th>№</Th>
              <Th>Мероприятие</Th>
              <Th>Срок</Th>
              <Th>Ответственные</Th>
            </Tr>
          </Thead>
          <Tbody>
            {draft.activities.map((a) => (
              <Tr key={a.order}>
                <Td>{a.code}</Td>
                <Td>
                  <Typography>{a.title}</Typography>
                </Td>
                <Td>{a.deadline.text}</Td>
                <Td>{a.responsible.text}</Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      </Box>
    </Box>
  );
}

export function ImportRoadmap() {
  const { get, post } = useFetchClient();
  const { data: organisations, error } = useLoad(() =>
    get<AdminOrganisationOption[]>('/nastavnik/organisations').then((r) => r.data),
  );
  const [organisation, setOrganisation] = useState<string>('');
  const [file, setFile] = useState<File | null>(null);
  const [choice, setChoice] = useState<Choice>('new_version');
  const [busy, setBusy] = useState<'preview' | 'write' | null>(null);
  const [result, setResult] = useState<RoadmapImportResult | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function send(dryRun: boolean) {
    if (!file || !organisation) {
      setProblem(!organisation ? 'Выберите организацию.' : 'Выберите файл дорожной карты.');
      return;
    }
    setProblem(null);
    setBusy(dryRun ? 'preview' : 'write');
    const form = new FormData();
    form.append('organisation', organisation);
    form.append('dryRun', String(dryRun));
    form.append('onDuplicate', dryRun ? 'fail' : choice);
    form.append('file', file, file.name);
    try {
      const { data } = await post<RoadmapImportResult>('/nastavnik/roadmaps/import', form);
      setResult(data);
      if (data.error) setProblem(data.error.message);
    } catch (e) {
      setProblem(messageOf(e));
    } finally {
      setBusy(null);
    }
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void send(true);
  };

  if (error) return <Page.Error />;
  if (!organisations) return <Page.Loading />;
  const committed = result?.committed && result.roadmapDocumentId;
  return (
    <>
      <Page.Title>Наставничество — импорт дорожной карты</Page.Title>
      <Layouts.Header
        title="Импорт дорожной карты"
        subtitle="DOCX, PDF, HTML или текст: сначала просмотр, затем запись"
      />
      <Layouts.Content>
        <Nav />
        <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
          <form onSubmit={onSubmit} aria-label="Импорт дорожной карты">
            <Flex direction="column" alignItems="stretch" gap={4}>
              <Field.Root name="organisation" required>
                <Field.Label>Организация</Field.Label>
                <SingleSelect
                  placeholder="Выберите организацию"
                  value={organisation}
                  onChange={(value: string | number) => {
                    setOrganisation(String(value));
                    setResult(null);
                  }}
                >
                  {organisations.map((o) => (
                    <SingleSelectOption key={o.documentId} value={o.documentId}>
                      {o.name}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
              </Field.Root>
              <Field.Root
                name="file"
                required
                hint="Таблица мероприятий читается из документа; ничего не записывается до подтверждения."
              >
                <Field.Label>Файл дорожной карты</Field.Label>
                <input
                  type="file"
                  name="file"
                  accept=".docx,.html,.htm,.txt,.pdf"
                  onChange={(e) => {
                    setFile(e.target.files?.[0] ?? null);
                    setResult(null);
                  }}
                />
                <Field.Hint />
              </Field.Root>
              <Flex gap={2}>
                <Button type="submit" loading={busy === 'preview'} disabled={busy !== null}>
                  Просмотреть
                </Button>
              </Flex>
            </Flex>
          </form>
          {busy === 'write' && <Typography role="status">Записываю дорожную карту…</Typography>}
          {busy === 'preview' && <Typography role="status">Читаю документ…</Typography>}
          {problem && (
            <Box paddingTop={4}>
              <Alert
                variant="danger"
                closeLabel="Закрыть"
                title="Не получилось"
                onClose={() => setProblem(null)}
              >
                {problem}
              </Alert>
            </Box>
          )}
          {committed && (
            <Box paddingTop={4}>
              <Alert variant="success" closeLabel="Закрыть" title="Записано">
                {`Дорожная карта записана (мероприятий: ${String(result.activitiesCount)}). `}
                <Link tag={NavLink} to={editLink('roadmap', result.roadmapDocumentId ?? '')}>
                  Открыть в редакторе
                </Link>
              </Alert>
            </Box>
          )}
          {result?.ok && !result.committed && (
            <Box paddingTop={6}>
              {result.duplicateOf && (
                <Field.Root name="onDuplicate">
                  <Field.Label>
                    {`Такая дорожная карта уже есть («${result.duplicateOf.title}», версия ${String(result.duplicateOf.version)})`}
                  </Field.Label>
                  <Radio.Group value={choice} onValueChange={(v: string) => setChoice(v as Choice)}>
                    {(Object.keys(CHOICES) as Choice[]).map((c) => (
                      <Radio.Item key={c} value={c}>
                        {CHOICES[c]}
                      </Radio.Item>
                    ))}
                  </Radio.Group>
                </Field.Root>
              )}
              <Box paddingTop={4}>
                <Button onClick={() => void send(false)} loading={busy === 'write'} disabled={busy !== null}>
                  {`Записать (${String(result.activitiesCount)} мероприятий)`}
                </Button>
              </Box>
              <Preview result={result} />
            </Box>
          )}
        </Box>
      </Layouts.Content>
    </>
  );
}
