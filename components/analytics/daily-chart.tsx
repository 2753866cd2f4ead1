"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

// One chart component for every per-day series on the analytics pages. The
// figure is described for screen readers by its caption and a data table
// (the `summary` slot); the SVG itself is hidden from them, so recharts'
// keyboard layer is off (nothing focusable may sit inside aria-hidden).
// Lines are straight between days and each day is a dot: a smoothed curve
// would draw a one-day spike as a ramp over the days around it.

export interface SeriesSpec<K extends string> {
  key: K;
  label: string;
  color: string;
}

export const SERIES_COLORS = ["#3b55d9", "#0d9488", "#d97706", "#be123c", "#7c3aed"] as const;

const shortDay = (day: string) => day.slice(5);

export function DailyChart<K extends string>({
  title,
  data,
  series,
  kind = "line",
  height = 240,
  xLabel = "Day",
  unit = "",
}: {
  title: string;
  /** null: no value that day (a gap in a line, no bar, "—" in the table). */
  data: ({ day: string } & Record<K, number | null>)[];
  series: SeriesSpec<K>[];
  kind?: "line" | "bar";
  height?: number;
  /** The first column's heading in the data table. */
  xLabel?: string;
  /** Appended to values on the axis, in the tooltip and the table ("%"). */
  unit?: string;
}) {
  const withUnit = (value: unknown) => `${String(value)}${unit}`;
  const common = (
    <>
      <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
      <XAxis dataKey="day" tickFormatter={shortDay} fontSize={12} minTickGap={16} />
      <YAxis allowDecimals={false} fontSize={12} width={40} tickFormatter={withUnit} />
      <Tooltip formatter={withUnit} />
      <Legend wrapperStyle={{ fontSize: 12 }} />
    </>
  );
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-4">
      <figcaption className="mb-2 text-sm font-semibold text-slate-800">{title}</figcaption>
      <div aria-hidden="true" style={{ height }}>
        <ResponsiveContainer width="100%" height="100%">
          {kind === "line" ? (
            <LineChart data={data} accessibilityLayer={false}>
              {common}
              {series.map((s) => (
                <Line
                  key={s.key}
                  type="linear"
                  dataKey={s.key}
                  name={s.label}
                  stroke={s.color}
                  strokeWidth={2}
                  dot={data.length <= 45 ? { r: 2.5, strokeWidth: 0, fill: s.color } : false}
                  isAnimationActive={false}
                />
              ))}
            </LineChart>
          ) : (
            <BarChart data={data} accessibilityLayer={false}>
              {common}
              {series.map((s) => (
                <Bar
                  key={s.key}
                  dataKey={s.key}
                  name={s.label}
                  fill={s.color}
                  stackId="stack"
                  isAnimationActive={false}
                />
              ))}
            </BarChart>
          )}
        </ResponsiveContainer>
      </div>
      <details className="mt-2 text-xs text-slate-600">
        <summary className="cursor-pointer">Data table</summary>
        <table className="mt-2 w-full text-left">
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr>
              <th scope="col" className="py-1 pr-3">
                {xLabel}
              </th>
              {series.map((s) => (
                <th key={s.key} scope="col" className="py-1 pr-3">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.map((row) => (
              <tr key={row.day}>
                <td className="py-0.5 pr-3">{row.day}</td>
                {series.map((s) => (
                  <td key={s.key} className="py-0.5 pr-3 tabular-nums">
                    {row[s.key] === null ? "—" : withUnit(row[s.key])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
