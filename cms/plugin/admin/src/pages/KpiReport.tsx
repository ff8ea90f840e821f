/**
 * One organisation's KPIs on the overview: the year's target (with its «не менее» bound) against the value
 * computed from the data over the organisation's subtree, the numbers behind it and the status, and the
 * two reports authorities receive, downloaded in one click.
 */
import { Badge, Box, Button, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import type { AdminKpiOverview } from '@nastavnik/shared/contracts/admin-panel';
import type { KpiRow } from '@nastavnik/shared/contracts/kpi';
import { useState } from 'react';
import { messageOf } from './useLoad.js';

const number = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 2 });
const BOUND = { exact: '', min: 'не менее ', max: 'не более ' } as const;
const STATUS = {
  met: { label: 'Достигнут', variant: 'success' },
  on_track: { label: 'В графике', variant: 'secondary' },
  behind: { label: 'Отстаёт', variant: 'danger' },
  no_data: { label: 'Нет данных', variant: 'neutral' },
} as const;

const withUnit = (value: number, unit: string) => `${number.format(value)}${unit ? ` ${unit}` : ''}`;

function basis(row: KpiRow): string {
  if (row.kind === 'manual') return 'вручную';
  const r = row.rollup;
  if (row.kind === 'partners') return `${number.format(r.numerator)} ед.`;
  if (r.denominator === null) return row.kind === 'satisfaction' ? 'ответов нет' : 'численность не введена';
  const missing = r.withoutDenominator ? `; без численности: ${String(r.withoutDenominator)} орг.` : '';
  return `${number.format(r.numerator)} из ${number.format(r.denominator)}${missing}`;
}

const REPORTS = [
  { path: 'participants', label: 'Численность участников (XLSX)' },
  { path: 'note', label: 'Аналитическая справка (DOCX)' },
] as const;

/** The file name the server gives in Content-Disposition (filename*=UTF-8''…). */
function filenameOf(disposition: string | null, fallback: string) {
  const match = /filename\*=UTF-8''([^;]+)/.exec(disposition ?? '');
  return match?.[1] ? decodeURIComponent(match[1]) : fallback;
}

export function KpiReport({ report }: { report: AdminKpiOverview }) {
  const { get } = useFetchClient();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function download(path: (typeof REPORTS)[number]['path']) {
    setBusy(path);
    setError(null);
    try {
      const res = await get(`/nastavnik/kpi/${report.organisation}/${path}?year=${String(report.year)}`, {
        responseType: 'blob',
      });
      const url = URL.createObjectURL(res.data);
      const link = document.createElement('a');
      link.href = url;
      link.download = filenameOf(
        res.headers?.get('content-disposition') ?? null,
        `${path}-${String(report.year)}.${path === 'note' ? 'docx' : 'xlsx'}`,
      );
      link.click();
      URL.revokeObjectURL(url);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(null);
    }
  }

  const caption = `Показатели ${String(report.year)} года: ${report.organisationName}`;
  return (
    <Box tag="section" background="neutral0" padding={6} shadow="tableShadow" hasRadius marginBottom={6}>
      <Typography tag="h2" variant="delta">
        {caption}
      </Typography>
      <Box paddingTop={2}>
        <Typography textColor="neutral600">
          {report.standardSet
            ? 'Показатели в дорожных картах не заданы: рассчитаны показатели целевой модели. '
            : ''}
          Факт — по организации вместе с подведомственными: сумма числителей к сумме знаменателей.
        </Typography>
      </Box>
      <Box paddingTop={4}>
        <Table colCount={5} rowCount={report.rows.length + 1} aria-label={caption}>
          <Thead>
            <Tr>
              <Th>Показатель</Th>
              <Th>План</Th>
              <Th>Факт</Th>
              <Th>Расчёт</Th>
              <Th>Статус</Th>
            </Tr>
          </Thead>
          <Tbody>
            {report.rows.map((row, i) => {
              const status = row.rollup.status ? STATUS[row.rollup.status] : null;
              return (
                <Tr key={row.indicator ?? `${String(i)}-${row.code ?? ''}`}>
                  <Td style={{ whiteSpace: 'normal', minWidth: '40%' }}>
                    <Typography>
                      {row.code ? `${row.code}. ` : ''}
                      {row.title}
                    </Typography>
                  </Td>
                  <Td>
                    {row.target === null
                      ? '—'
                      : `${BOUND[row.bound ?? 'exact']}${withUnit(row.target, row.unit)}`}
                  </Td>
                  <Td>{row.rollup.value === null ? 'нет данных' : withUnit(row.rollup.value, row.unit)}</Td>
                  <Td>{basis(row)}</Td>
                  <Td>{status ? <Badge variant={status.variant}>{status.label}</Badge> : 'план не задан'}</Td>
                </Tr>
              );
            })}
          </Tbody>
        </Table>
      </Box>
      {report.downloads && (
        <Flex gap={2} paddingTop={4} wrap="wrap">
          {REPORTS.map((r) => (
            <Button
              key={r.path}
              variant="secondary"
              loading={busy === r.path}
              disabled={busy !== null}
              onClick={() => void download(r.path)}
            >
              {`Скачать: ${r.label}`}
            </Button>
          ))}
          {error && (
            <Typography textColor="danger600" role="alert">
              {error}
            </Typography>
          )}
        </Flex>
      )}
    </Box>
  );
}
