"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { formatDuration } from "@/components/analytics/format";
import type { ConvertBucket } from "@/lib/analytics/time-to-convert";

export function TimeToConvertChart({
  buckets,
  medianSeconds,
}: {
  buckets: ConvertBucket[];
  medianSeconds: number | null;
}) {
  const total = buckets.reduce((sum, b) => sum + b.treatment + b.holdout, 0);
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-4">
      <figcaption className="mb-2 text-sm font-semibold text-slate-800">
        Time to convert{" "}
        <span className="font-normal text-slate-500">
          (median {formatDuration(medianSeconds)} in the treatment group)
        </span>
      </figcaption>
      {total === 0 ? (
        <p className="text-sm text-slate-600">
          No conversions among runs that entered in the period.
        </p>
      ) : (
        <>
          <div aria-hidden="true" style={{ height: 220 }}>
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={buckets} accessibilityLayer={false}>
                <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
                <XAxis dataKey="label" fontSize={12} />
                <YAxis allowDecimals={false} fontSize={12} width={40} />
                <Tooltip />
                <Legend wrapperStyle={{ fontSize: 12 }} />
                <Bar
                  dataKey="treatment"
                  name="Treatment"
                  fill="#3b55d9"
                  isAnimationActive={false}
                />
                <Bar dataKey="holdout" name="Holdout" fill="#94a3b8" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <ul className="sr-only">
            {buckets.map((b) => (
              <li key={b.label}>
                {b.label}: {b.treatment} treatment, {b.holdout} holdout
              </li>
            ))}
          </ul>
        </>
      )}
    </figure>
  );
}
