/**
 * Показатели: yearly targets against actual values, as an inline SVG bar chart per indicator (marked
 * as an image with a text alternative) and the very same numbers in a table that screen readers use.
 */
import type { PageContext } from '../context.js';
import type { Kpi, Organisation } from '../data.js';
import { Layout } from './layout.js';

const number = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 2 });
const show = (value: number | undefined, unit: string) =>
  value === undefined ? '—' : `${number.format(value)}${unit === '%' ? ' %' : unit ? ` ${unit}` : ''}`;

function byYear(values: Kpi['targets']) {
  return new Map((values ?? []).map((v) => [v.year, Number(v.value)]));
}

function Chart({
  kpi,
  years,
  targets,
  actuals,
}: {
  kpi: Kpi;
  years: number[];
  targets: Map<number, number>;
  actuals: Map<number, number>;
}) {
  const max = Math.max(1, ...targets.values(), ...actuals.values());
  const width = 60 * years.length + 20;
  const height = 140;
  const bar = (value: number | undefined) => (value === undefined ? 0 : Math.round((value / max) * 100));
  const alt = years
    .map(
      (y) =>
        `${y}: план ${show(targets.get(y), kpi.unit ?? '')}, факт ${show(actuals.get(y), kpi.unit ?? '')}`,
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
      {years.map((year, i) => {
        const x = 10 + i * 60;
        const t = bar(targets.get(year));
        const a = bar(actuals.get(year));
        return (
          <g key={year}>
            <rect className="bar-target" x={x} y={110 - t} width={20} height={t} />
            <rect className="bar-actual" x={x + 22} y={110 - a} width={20} height={a} />
            <text x={x + 21} y={128} textAnchor="middle" className="chart-label">
              {year}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export function KpisPage({
  ctx,
  organisation,
  kpis,
}: {
  ctx: PageContext;
  organisation: Organisation;
  kpis: Kpi[];
}) {
  return (
    <Layout
      ctx={ctx}
      title="Показатели эффективности"
      description={`Показатели эффективности целевой модели наставничества в организации «${organisation.name}»: план и факт по годам.`}
      organisation={organisation}
      current="pokazateli/"
    >
      <h1>Показатели эффективности</h1>
      {kpis.length ? (
        <p className="legend">
          <span className="legend-target">План</span> <span className="legend-actual">Факт</span>
        </p>
      ) : (
        <p>Показатели пока не опубликованы.</p>
      )}
      {kpis.map((kpi) => {
        const targets = byYear(kpi.targets);
        const actuals = byYear(kpi.actuals);
        const years = [...new Set([...targets.keys(), ...actuals.keys()])].sort((a, b) => a - b);
        const unit = kpi.unit ?? '';
        return (
          <section key={kpi.documentId} aria-labelledby={`kpi-${kpi.documentId}`}>
            <h2 id={`kpi-${kpi.documentId}`}>
              {kpi.code ? `${kpi.code}. ` : ''}
              {kpi.title}
            </h2>
            {kpi.formula ? <p className="muted">Как считается: {kpi.formula}</p> : null}
            {years.length ? (
              <>
                <Chart kpi={kpi} years={years} targets={targets} actuals={actuals} />
                <table>
                  <caption>План и факт по годам</caption>
                  <thead>
                    <tr>
                      <th scope="col">Год</th>
                      <th scope="col">План</th>
                      <th scope="col">Факт</th>
                    </tr>
                  </thead>
                  <tbody>
                    {years.map((y) => (
                      <tr key={y}>
                        <th scope="row">{y}</th>
                        <td>{show(targets.get(y), unit)}</td>
                        <td>{show(actuals.get(y), unit)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            ) : null}
          </section>
        );
      })}
    </Layout>
  );
}
