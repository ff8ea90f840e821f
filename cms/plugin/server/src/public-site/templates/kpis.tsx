/**
 * Показатели: each KPI's yearly targets («не менее …») against the value computed from the data, with
 * the numbers behind it («N из M») and its status, as an inline SVG bar chart per indicator (an image
 * with a text alternative) and the very same numbers in a table that screen readers use.
 */
import { kpiStatuses, type KpiStatus, type TargetBound } from '@nastavnik/shared';
import type { PublicKpi, PublicKpis, PublicKpiYear } from '../../kpi/public.js';
import type { PageContext } from '../context.js';
import type { Kpi, Organisation } from '../data.js';
import { Layout } from './layout.js';

const number = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 2 });
const withUnit = (value: number | null, unit: string) =>
  value === null ? '—' : `${number.format(value)}${unit === '%' ? ' %' : unit ? ` ${unit}` : ''}`;

const BOUND_WORDS: Record<TargetBound, string> = { exact: '', min: 'не менее ', max: 'не более ' };

const targetText = (y: PublicKpiYear, unit: string) =>
  y.target === null ? 'не задан' : `${BOUND_WORDS[y.bound ?? 'exact']}${withUnit(y.target, unit)}`;

function actualText(y: PublicKpiYear, unit: string) {
  if (!y.started) return 'год не начался';
  return y.value === null ? 'нет данных' : withUnit(y.value, unit);
}

/** The numbers behind a value: «4 из 10» for a share, the count itself for a count. */
function basisText(kpi: PublicKpi, y: PublicKpiYear) {
  if (!y.started) return '—';
  if (kpi.kind === 'manual') return 'введено вручную';
  if (y.numerator === null) return '—';
  if (kpi.kind === 'partners') return `${number.format(y.numerator)} ед.`;
  if (y.denominator === null) return kpi.kind === 'satisfaction' ? 'ответов нет' : 'численность не введена';
  return `${number.format(y.numerator)} из ${number.format(y.denominator)}`;
}

const STATUS_CLASS: Record<KpiStatus, string> = {
  met: 'status-done',
  on_track: 'status-progress',
  behind: 'status-overdue',
  no_data: 'status-planned',
};

function Status({ status, year }: { status: KpiStatus | null; year: PublicKpiYear }) {
  if (!year.started) return <span className="muted">—</span>;
  if (!status) return <span className="muted">план не задан</span>;
  return <span className={`status ${STATUS_CLASS[status]}`}>{kpiStatuses.label(status)}</span>;
}

function Chart({ kpi }: { kpi: PublicKpi }) {
  const unit = kpi.unit;
  const max = Math.max(1, ...kpi.years.flatMap((y) => [y.target ?? 0, y.value ?? 0]));
  const width = 70 * kpi.years.length + 20;
  const height = 140;
  const bar = (value: number | null) => (value === null ? 0 : Math.round((value / max) * 100));
  const alt = kpi.years
    .map(
      (y) =>
        `${y.label}: план ${targetText(y, unit)}, факт ${actualText(y, unit)}` +
        (y.status ? `, ${kpiStatuses.label(y.status).toLowerCase()}` : ''),
    )
    .join('; ');
  return (
    <svg
      className="chart"
      role="img"
      aria-label={`${kpi.title}. ${alt}`}
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
    >
      {kpi.years.map((y, i) => {
        const x = 10 + i * 70;
        const t = bar(y.target);
        const a = bar(y.value);
        return (
          <g key={y.year}>
            <rect className="bar-target" x={x + 4} y={110 - t} width={24} height={t} />
            <rect className="bar-actual" x={x + 30} y={110 - a} width={24} height={a} />
            <text x={x + 31} y={128} textAnchor="middle" className="chart-label">
              {y.year}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

const SOURCE_TEXT: Record<PublicKpis['source'], string> = {
  own: '',
  parent:
    'Своих показателей в дорожной карте организации нет: значения рассчитаны по показателям вышестоящей организации.',
  standard:
    'Показатели в дорожной карте не заданы: значения рассчитаны по показателям целевой модели наставничества (распоряжение Минпросвещения России № Р-145).',
};

/** «В 2026 году достигнуто 2 из 5 показателей с плановым значением». */
function Summary({ figures }: { figures: PublicKpis }) {
  const current = figures.kpis.flatMap((k) => {
    const y = k.years.find((v) => v.year === figures.currentYear);
    return y?.status ? [y.status] : [];
  });
  if (!current.length) return null;
  const met = current.filter((s) => s === 'met').length;
  const behind = current.filter((s) => s === 'behind').length;
  return (
    <p className="lead">
      {figures.currentYear} год: достигнуто {met} из {current.length} показателей с плановым значением
      {behind ? `, отстают — ${behind}` : ''}.
    </p>
  );
}

export function KpisPage({
  ctx,
  organisation,
  kpis,
  figures,
}: {
  ctx: PageContext;
  organisation: Organisation;
  /** The published indicators, for their formulas. */
  kpis: Kpi[];
  figures: PublicKpis | null;
}) {
  const formulas = new Map(kpis.map((k) => [k.documentId, k.formula]));
  const list = figures?.kpis ?? [];
  return (
    <Layout
      ctx={ctx}
      title="Показатели эффективности"
      description={`Показатели эффективности целевой модели наставничества в организации «${organisation.name}»: план и факт по годам.`}
      organisation={organisation}
      current="pokazateli/"
    >
      <h1>Показатели эффективности</h1>
      {figures && list.length ? (
        <>
          {SOURCE_TEXT[figures.source] ? <p>{SOURCE_TEXT[figures.source]}</p> : null}
          <Summary figures={figures} />
          {list.some((k) => k.kind !== 'manual') ? (
            <p className="muted">
              Факт рассчитан по базе участников: по организации вместе с подведомственными — сумма числителей
              к сумме знаменателей. «Из» — сколько человек (или ответов) учтено и из какой численности.
            </p>
          ) : null}
          <p className="legend">
            <span className="legend-target">План</span> <span className="legend-actual">Факт</span>
          </p>
        </>
      ) : (
        <p>Показатели пока не опубликованы.</p>
      )}
      {list.map((kpi) => {
        const formula = kpi.indicator ? formulas.get(kpi.indicator) : null;
        const id = `kpi-${kpi.key}`;
        return (
          <section key={kpi.key} aria-labelledby={id}>
            <h2 id={id}>
              {kpi.code ? `${kpi.code}. ` : ''}
              {kpi.title}
            </h2>
            {formula ? <p className="muted">Как считается: {formula}</p> : null}
            {kpi.kind === 'manual' ? <p className="muted">Фактическое значение вносит организация.</p> : null}
            <Chart kpi={kpi} />
            <table>
              <caption>План и факт по годам: {kpi.title}</caption>
              <thead>
                <tr>
                  <th scope="col">Год</th>
                  <th scope="col">План</th>
                  <th scope="col">Факт</th>
                  <th scope="col">Расчёт</th>
                  <th scope="col">Статус</th>
                </tr>
              </thead>
              <tbody>
                {kpi.years.map((y) => (
                  <tr key={y.year}>
                    <th scope="row">{y.label}</th>
                    <td>{targetText(y, kpi.unit)}</td>
                    <td>{actualText(y, kpi.unit)}</td>
                    <td>{basisText(kpi, y)}</td>
                    <td>
                      <Status status={y.status} year={y} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        );
      })}
    </Layout>
  );
}
