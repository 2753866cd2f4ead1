"use client";

import { useId } from "react";

import { lastDays, type Period } from "./period";

export type { Period };

const INPUT =
  "h-9 rounded-md border border-slate-300 bg-white px-2 text-sm shadow-sm focus:border-brand-500";

export function PeriodPicker({
  value,
  onChange,
  error,
}: {
  value: Period;
  onChange: (period: Period) => void;
  error?: string;
}) {
  const id = useId();
  return (
    <fieldset className="flex flex-wrap items-end gap-3">
      <legend className="sr-only">Period (UTC days)</legend>
      <div className="space-y-1">
        <label htmlFor={`${id}-from`} className="block text-sm font-medium text-slate-700">
          From
        </label>
        <input
          id={`${id}-from`}
          type="date"
          className={INPUT}
          value={value.from}
          max={value.to}
          onChange={(event) =>
            event.target.value && onChange({ ...value, from: event.target.value })
          }
        />
      </div>
      <div className="space-y-1">
        <label htmlFor={`${id}-to`} className="block text-sm font-medium text-slate-700">
          To
        </label>
        <input
          id={`${id}-to`}
          type="date"
          className={INPUT}
          value={value.to}
          min={value.from}
          onChange={(event) => event.target.value && onChange({ ...value, to: event.target.value })}
        />
      </div>
      <div className="flex gap-1 pb-0.5">
        {[7, 14, 30].map((days) => (
          <button
            key={days}
            type="button"
            className="rounded-md px-2 py-1 text-xs font-medium text-slate-600 hover:bg-slate-100"
            onClick={() => onChange(lastDays(days))}
          >
            Last {days} days
          </button>
        ))}
      </div>
      {error ? (
        <p role="alert" className="w-full text-sm text-red-600">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
