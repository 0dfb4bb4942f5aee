import { useEffect, useId, useRef, useState } from 'react';
import type { Dashboard } from '#contract/admin';
import { TableScroll } from '../../ui/TableScroll';
import type { RoundMark } from './queries';

const DAY = 86_400_000;
const HEIGHT = 280;
const PAD = { top: 36, right: 20, bottom: 36, left: 48 };
/** The height of a row of round numbers above the plot; the first row fits in the top padding. */
const MARK_ROW = 20;
const markY = (row: number) => 12 + row * MARK_ROW;

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
const dayMonth = new Intl.DateTimeFormat('nl-BE', { day: 'numeric', month: 'long', timeZone: 'UTC' });
const showDayMonth = (date: string) => dayMonth.format(new Date(`${date.slice(0, 10)}T00:00:00Z`));

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

/** One line of the chart: a running total as a step line (it changes only on the days it grows). */
function stepLine(
  daily: Dashboard['daily'],
  total: (d: Dashboard['daily'][number]) => number,
  x: (day: number) => number,
  y: (n: number) => number,
  [start, end]: [number, number],
) {
  const points: [number, number][] = [[x(start), y(0)]];
  let running = 0;
  for (const d of daily) {
    const dx = x(toDay(d.date));
    points.push([dx, y(running)], [dx, y(total(d))]);
    running = total(d);
  }
  points.push([x(end), y(running)]);
  return points.map(([px, py], i) => `${i ? 'L' : 'M'}${px.toFixed(1)},${py.toFixed(1)}`).join(' ');
}

/**
 * Round marks get a number on the chart and their name in the legend under it, so names never run
 * into each other or off the edge. Marks too close for their numbers go down a row.
 */
function placeMarks(marks: { name: string; day: number }[], x: (day: number) => number) {
  const rowEnds: number[] = [];
  return [...marks]
    .sort((a, b) => a.day - b.day)
    .map((m, i) => {
      const at = x(m.day);
      let row = rowEnds.findIndex((end) => at - end >= 20);
      if (row === -1) row = rowEnds.length;
      rowEnds[row] = at;
      return { ...m, number: i + 1, at, row };
    });
}

/** "Van 3 september tot en met 28 september 2026 …", or "Op 28 september 2026 …" for a single day. */
export function chartSummary(daily: Dashboard['daily'], entered: number): string {
  const first = daily[0];
  const last = daily.at(-1);
  if (!first || !last)
    return entered
      ? `Nog geen leerlingen geplaatst; ${entered} ingevoerd.`
      : 'Nog geen leerlingen ingevoerd.';
  const placed = last.cumulative;
  const percent = entered ? Math.round((placed / entered) * 100) : 0;
  const sameYear = first.date.slice(0, 4) === last.date.slice(0, 4);
  const when =
    first.date === last.date
      ? `Op ${showDate(last.date)}`
      : `Van ${sameYear ? showDayMonth(first.date) : showDate(first.date)} tot en met ${showDate(last.date)}`;
  const students = (n: number) => `${n} ${n === 1 ? 'leerling' : 'leerlingen'}`;
  return `${when} ${entered === 1 ? 'werd' : 'werden'} ${students(entered)} ingevoerd; ${placed} van de ${entered} ingevoerde leerlingen ${placed === 1 ? 'is' : 'zijn'} geplaatst (${percent} %).`;
}

/**
 * Entered and placed students over time, cumulative, as step lines (the totals only change on the
 * days a student is entered or placed), with the rounds' openings marked. Hand-written SVG: two
 * series and a few marks need no chart library. The same numbers are in the table under it.
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
  const inRange = rounds
    .map((r) => ({ name: r.name, day: toDay(r.opensAt) }))
    .filter((r) => Number.isFinite(r.day) && r.day <= end && r.day >= dataStart - 120);
  let start = Math.min(dataStart, ...inRange.map((m) => m.day));
  if (end - start < 2) {
    start -= 1;
    end += 1;
  }

  const plotW = Math.max(120, width - PAD.left - PAD.right);
  const xOf = (day: number) => PAD.left + ((day - start) / (end - start)) * plotW;
  const marks = placeMarks(inRange, xOf);
  // The round numbers sit in rows above the plot, clear of the lines and of the axis' numbers.
  const markRows = Math.max(0, ...marks.map((m) => m.row + 1));
  const padTop = PAD.top + Math.max(0, markRows - 1) * MARK_ROW;
  const height = HEIGHT + padTop - PAD.top;
  const plotH = height - padTop - PAD.bottom;
  const highest = Math.max(entered, last?.enteredCumulative ?? 0, placed, 1);
  const step = niceStep(highest, 4);
  const top = Math.ceil(highest / step) * step;
  const x = xOf;
  const y = (n: number) => padTop + plotH - (n / top) * plotH;

  const line = stepLine(daily, (d) => d.cumulative, x, y, [start, end]);
  const area = `${line} L${x(end).toFixed(1)},${y(0).toFixed(1)} Z`;
  const enteredLine = stepLine(daily, (d) => d.enteredCumulative, x, y, [start, end]);

  const yTicks: number[] = [];
  for (let n = 0; n <= top; n += step) yTicks.push(n);
  const xCount = Math.max(2, Math.min(8, Math.floor(plotW / 90)));
  const xTicks = [
    ...new Set(
      Array.from({ length: xCount }, (_, i) => Math.round(start + ((end - start) * i) / (xCount - 1))),
    ),
  ];

  const summary = chartSummary(daily, entered);

  return (
    <figure className="chart">
      <div ref={box} className="chart-box">
        <svg
          role="img"
          aria-labelledby={`${id}-title`}
          aria-describedby={`${id}-desc`}
          viewBox={`0 0 ${width} ${height}`}
          width="100%"
          preserveAspectRatio="xMidYMid meet"
        >
          <title id={`${id}-title`}>Ingevoerde en geplaatste leerlingen in de tijd (cumulatief)</title>
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
              y={padTop + plotH + 20}
              textAnchor={day === xTicks[0] ? 'start' : day === xTicks.at(-1) ? 'end' : 'middle'}
            >
              {showDay(day)}
            </text>
          ))}
          <path className="chart-area" d={area} />
          <path className="chart-entered" d={enteredLine} />
          <path className="chart-line" d={line} />
          <line className="chart-baseline" x1={PAD.left} x2={PAD.left + plotW} y1={y(0)} y2={y(0)} />
          {marks.map((m) => (
            <g key={`${m.name}-${m.day}`} className="chart-round">
              <line x1={m.at} x2={m.at} y1={markY(m.row) + 8} y2={padTop + plotH} />
              <circle cx={m.at} cy={markY(m.row)} r={8} />
              <text x={m.at} y={markY(m.row)} dy="0.35em" textAnchor="middle">
                {m.number}
              </text>
            </g>
          ))}
        </svg>
      </div>
      <ul className="chart-legend plain">
        <li>
          <span className="key key-entered" aria-hidden="true" /> Ingevoerd ({last?.enteredCumulative ?? 0})
        </li>
        <li>
          <span className="key key-placed" aria-hidden="true" /> Geplaatst ({placed})
        </li>
        {marks.map((m) => (
          <li key={`${m.name}-${m.day}`}>
            <span className="key-round" aria-hidden="true">
              {m.number}
            </span>{' '}
            {m.name}, vanaf {showDate(fromDay(m.day))}
          </li>
        ))}
      </ul>
      <figcaption className="hint">{summary}</figcaption>
      <details className="chart-data">
        <summary>Toon de cijfers van de grafiek als tabel</summary>
        {daily.length === 0 ? (
          <p>Nog geen leerlingen ingevoerd of geplaatst.</p>
        ) : (
          <TableScroll label="Ingevoerde en geplaatste leerlingen per dag">
            <table className="table">
              <caption className="visually-hidden">Ingevoerde en geplaatste leerlingen per dag</caption>
              <thead>
                <tr>
                  <th scope="col">Datum</th>
                  <th scope="col">Ingevoerd die dag</th>
                  <th scope="col">Totaal ingevoerd</th>
                  <th scope="col">Geplaatst die dag</th>
                  <th scope="col">Totaal geplaatst</th>
                </tr>
              </thead>
              <tbody>
                {daily.map((d) => (
                  <tr key={d.date}>
                    <th scope="row">{showDate(d.date)}</th>
                    <td>{d.entered}</td>
                    <td>{d.enteredCumulative}</td>
                    <td>{d.placed}</td>
                    <td>{d.cumulative}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </details>
    </figure>
  );
}
