import { useEffect, useId, useRef, useState } from 'react';
import type { Dashboard } from '#contract/admin';
import { TableScroll } from '../../ui/TableScroll';
import type { RoundMark } from './queries';

const DAY = 86_400_000;
const HEIGHT = 280;
const PAD = { top: 28, right: 20, bottom: 36, left: 48 };

/** A calendar date (`2026-10-05`) as a number of days, and back. */
const toDay = (date: string) => Date.parse(`${date.slice(0, 10)}T00:00:00Z`) / DAY;
const fromDay = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
const shortDate = new Intl.DateTimeFormat('nl-BE', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const longDate = new Intl.DateTimeFormat('nl-BE', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const showDay = (day: number) => shortDate.format(new Date(day * DAY));
const showDate = (date: string) => longDate.format(new Date(`${date.slice(0, 10)}T00:00:00Z`));

/** Round steps for the vertical axis: 1, 2 or 5 times a power of ten. */
function niceStep(max: number, ticks: number) {
  const raw = Math.max(1, max / ticks);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
  return Math.max(1, Math.round(step));
}

/** The width the chart gets, so that its text stays at its real size on a phone and on a screen. */
function useWidth<T extends Element>(initial: number) {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(initial);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      const w = Math.round(entry?.contentRect.width ?? 0);
      if (w > 0) setWidth(w);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}

/**
 * Placed students over time, cumulative, as an area under a step line (the total only changes on
 * the days a student is placed), with the rounds' openings marked and the number entered as the
 * ceiling. Hand-written SVG: one series and a few marks need no chart library. The same numbers
 * are in the table under it.
 */
export function PlacedChart({
  daily,
  entered,
  today,
  rounds,
}: {
  daily: Dashboard['daily'];
  entered: number;
  today: string;
  rounds: RoundMark[];
}) {
  const id = useId();
  const [box, width] = useWidth<HTMLDivElement>(720);
  const last = daily.at(-1);
  const placed = last?.cumulative ?? 0;

  const dataStart = daily.length ? toDay(daily[0]!.date) : toDay(today);
  let end = Math.max(daily.length ? toDay(last!.date) : dataStart, toDay(today));
  const marks = rounds
    .map((r) => ({ name: r.name, day: toDay(r.opensAt) }))
    .filter((r) => Number.isFinite(r.day) && r.day <= end && r.day >= dataStart - 120);
  let start = Math.min(dataStart, ...marks.map((m) => m.day));
  if (end - start < 2) {
    start -= 1;
    end += 1;
  }

  const plotW = Math.max(120, width - PAD.left - PAD.right);
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const step = niceStep(Math.max(entered, placed, 1), 4);
  const top = Math.ceil(Math.max(entered, placed, 1) / step) * step;
  const x = (day: number) => PAD.left + ((day - start) / (end - start)) * plotW;
  const y = (n: number) => PAD.top + plotH - (n / top) * plotH;

  // A step line: flat until the day a student is placed, then up; flat again until today.
  const points: [number, number][] = [[x(start), y(0)]];
  let running = 0;
  for (const d of daily) {
    const dx = x(toDay(d.date));
    points.push([dx, y(running)], [dx, y(d.cumulative)]);
    running = d.cumulative;
  }
  points.push([x(end), y(running)]);
  const line = points.map(([px, py], i) => `${i ? 'L' : 'M'}${px.toFixed(1)},${py.toFixed(1)}`).join(' ');
  const area = `${line} L${x(end).toFixed(1)},${y(0).toFixed(1)} Z`;

  const yTicks: number[] = [];
  for (let n = 0; n <= top; n += step) yTicks.push(n);
  const xCount = Math.max(2, Math.min(8, Math.floor(plotW / 90)));
  const xTicks = [
    ...new Set(
      Array.from({ length: xCount }, (_, i) => Math.round(start + ((end - start) * i) / (xCount - 1))),
    ),
  ];

  const percent = entered ? Math.round((placed / entered) * 100) : 0;
  const summary = daily.length
    ? `Van ${showDate(daily[0]!.date)} tot ${showDate(last!.date)} werden ${placed} van de ${entered} ingevoerde leerlingen geplaatst (${percent} %).`
    : `Nog geen leerlingen geplaatst; ${entered} ingevoerd.`;

  return (
    <figure className="chart">
      <div ref={box} className="chart-box">
        <svg
          role="img"
          aria-labelledby={`${id}-title`}
          aria-describedby={`${id}-desc`}
          viewBox={`0 0 ${width} ${HEIGHT}`}
          width="100%"
          preserveAspectRatio="xMidYMid meet"
        >
          <title id={`${id}-title`}>Geplaatste leerlingen in de tijd (cumulatief)</title>
          <desc id={`${id}-desc`}>{summary}</desc>
          {yTicks.map((n) => (
            <g key={n} className="chart-grid">
              <line x1={PAD.left} x2={PAD.left + plotW} y1={y(n)} y2={y(n)} />
              <text x={PAD.left - 6} y={y(n)} dy="0.32em" textAnchor="end">
                {n.toLocaleString('nl-BE')}
              </text>
            </g>
          ))}
          {xTicks.map((day) => (
            <text
              key={day}
              className="chart-axis"
              x={x(day)}
              y={PAD.top + plotH + 20}
              textAnchor={day === xTicks[0] ? 'start' : day === xTicks.at(-1) ? 'end' : 'middle'}
            >
              {showDay(day)}
            </text>
          ))}
          {marks.map((m, i) => (
            <g key={`${m.name}-${m.day}`} className="chart-round">
              <line x1={x(m.day)} x2={x(m.day)} y1={PAD.top - 4} y2={PAD.top + plotH} />
              <text x={x(m.day) + 4} y={PAD.top + 10 + (i % 2) * 14}>
                {m.name}
              </text>
            </g>
          ))}
          {entered > 0 && (
            <g className="chart-ceiling">
              <line x1={PAD.left} x2={PAD.left + plotW} y1={y(entered)} y2={y(entered)} />
              <text x={PAD.left + plotW} y={y(entered) - 6} textAnchor="end">
                {entered} ingevoerd
              </text>
            </g>
          )}
          <path className="chart-area" d={area} />
          <path className="chart-line" d={line} />
          <line className="chart-baseline" x1={PAD.left} x2={PAD.left + plotW} y1={y(0)} y2={y(0)} />
        </svg>
      </div>
      <figcaption className="hint">{summary}</figcaption>
      <details className="chart-data">
        <summary>Toon de cijfers van de grafiek als tabel</summary>
        {daily.length === 0 ? (
          <p>Nog geen plaatsingen.</p>
        ) : (
          <TableScroll label="Geplaatste leerlingen per dag">
            <table className="table">
              <caption className="visually-hidden">Geplaatste leerlingen per dag</caption>
              <thead>
                <tr>
                  <th scope="col">Datum</th>
                  <th scope="col">Geplaatst die dag</th>
                  <th scope="col">Totaal geplaatst</th>
                </tr>
              </thead>
              <tbody>
                {daily.map((d) => (
                  <tr key={d.date}>
                    <th scope="row">{showDate(d.date)}</th>
                    <td>{d.placed}</td>
                    <td>{d.cumulative}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
        {marks.length > 0 && (
          <p className="hint">
            Rondes: {marks.map((m) => `${m.name} (vanaf ${showDate(fromDay(m.day))})`).join(', ')}.
          </p>
        )}
      </details>
    </figure>
  );
}
