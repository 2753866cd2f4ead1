"use client";

import { type ReactNode, useId } from "react";
import { DURATION_UNITS, type Duration } from "@/lib/journey-core/definition";

export const INPUT =
  "block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm shadow-sm focus:border-brand-500 read-only:bg-slate-50 disabled:bg-slate-50 aria-invalid:border-red-500";

/** A label above any control; the control gets the id. */
export function Labelled({
  label,
  hint,
  children,
}: {
  label: string;
  hint?: string;
  children: (id: string) => ReactNode;
}) {
  const id = useId();
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-xs font-medium text-slate-700">
        {label}
      </label>
      {children(id)}
      {hint ? <p className="text-xs text-slate-500">{hint}</p> : null}
    </div>
  );
}

export function TextField({
  label,
  value,
  onChange,
  readOnly,
  hint,
  placeholder,
  list,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  readOnly?: boolean;
  hint?: string;
  placeholder?: string;
  /** A datalist id: suggestions as you type. */
  list?: string;
}) {
  return (
    <Labelled label={label} hint={hint}>
      {(id) => (
        <input
          id={id}
          className={INPUT}
          value={value}
          readOnly={readOnly}
          placeholder={placeholder}
          list={list}
          autoComplete="off"
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Labelled>
  );
}

/** Free text with suggestions (event names, property keys, trait keys). */
export function SuggestField({
  label,
  value,
  onChange,
  options,
  readOnly,
  hint,
  placeholder,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly string[];
  readOnly?: boolean;
  hint?: string;
  placeholder?: string;
}) {
  const listId = useId();
  return (
    <>
      <TextField
        label={label}
        value={value}
        onChange={onChange}
        readOnly={readOnly}
        hint={hint}
        placeholder={placeholder}
        list={listId}
      />
      <datalist id={listId}>
        {options.map((option) => (
          <option key={option} value={option} />
        ))}
      </datalist>
    </>
  );
}

export function NumberField({
  label,
  value,
  onChange,
  readOnly,
  min,
  max,
  hint,
}: {
  label: string;
  value: number | undefined;
  onChange: (value: number) => void;
  readOnly?: boolean;
  min?: number;
  max?: number;
  hint?: string;
}) {
  return (
    <Labelled label={label} hint={hint}>
      {(id) => (
        <input
          id={id}
          type="number"
          className={INPUT}
          value={Number.isFinite(value) ? value : ""}
          min={min}
          max={max}
          readOnly={readOnly}
          onChange={(e) => onChange(e.target.valueAsNumber)}
        />
      )}
    </Labelled>
  );
}

export function SelectField<T extends string>({
  label,
  value,
  options,
  onChange,
  readOnly,
}: {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
  readOnly?: boolean;
}) {
  return (
    <Labelled label={label}>
      {(id) => (
        <select
          id={id}
          className={INPUT}
          value={value}
          disabled={readOnly}
          onChange={(e) => onChange(e.target.value as T)}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Labelled>
  );
}

export function CheckboxField({
  label,
  checked,
  onChange,
  readOnly,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  readOnly?: boolean;
}) {
  return (
    <label className="flex items-center gap-2 text-sm text-slate-700">
      <input
        type="checkbox"
        className="size-4 rounded border-slate-300"
        checked={checked}
        disabled={readOnly}
        onChange={(e) => onChange(e.target.checked)}
      />
      {label}
    </label>
  );
}

const UNIT_LABEL: Record<Duration["unit"], string> = {
  minutes: "minutes",
  hours: "hours",
  days: "days",
  weeks: "weeks",
};

/** An amount and a unit, labelled as one group. */
export function DurationField({
  label,
  value,
  onChange,
  readOnly,
  hint,
}: {
  label: string;
  value: Duration | undefined;
  onChange: (value: Duration) => void;
  readOnly?: boolean;
  hint?: string;
}) {
  const id = useId();
  const amount = value?.amount;
  const unit = value?.unit ?? "days";
  return (
    <fieldset className="space-y-1" aria-describedby={hint ? `${id}-hint` : undefined}>
      <legend className="text-xs font-medium text-slate-700">
        {/* A real label: clicking the words focuses the amount. */}
        <label htmlFor={`${id}-amount`}>{label}</label>
      </legend>
      <div className="flex gap-2">
        <input
          id={`${id}-amount`}
          type="number"
          min={1}
          aria-label={`${label}: amount`}
          className={`${INPUT} w-24`}
          value={Number.isFinite(amount) ? amount : ""}
          readOnly={readOnly}
          onChange={(e) => onChange({ amount: e.target.valueAsNumber, unit })}
        />
        <select
          aria-label={`${label}: unit`}
          className={INPUT}
          value={unit}
          disabled={readOnly}
          onChange={(e) =>
            onChange({ amount: amount ?? 1, unit: e.target.value as Duration["unit"] })
          }
        >
          {DURATION_UNITS.map((u) => (
            <option key={u} value={u}>
              {UNIT_LABEL[u]}
            </option>
          ))}
        </select>
      </div>
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
    </fieldset>
  );
}

export function SmallButton({
  children,
  onClick,
  label,
  disabled,
}: {
  children: ReactNode;
  onClick: () => void;
  label?: string;
  disabled?: boolean;
}) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      disabled={disabled}
      onClick={onClick}
      className="rounded-md border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-50"
    >
      {children}
    </button>
  );
}
