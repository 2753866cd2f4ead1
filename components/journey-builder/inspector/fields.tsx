"use client";

import { type ReactNode, useId, useState } from "react";
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

const MAX_SUGGESTIONS = 50;

/**
 * A name picked from what the workspace has seen (event names, property keys,
 * trait keys): typing filters the list, choosing an option replaces the whole
 * value. A name not in the list is still allowed (`unknown` says what to flag).
 */
export function SuggestField({
  label,
  value,
  onChange,
  options,
  readOnly,
  hint,
  placeholder,
  unknown,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly string[];
  readOnly?: boolean;
  hint?: string;
  placeholder?: string;
  /** Shown under the field when `value` is filled in but not among `options`. */
  unknown?: (value: string) => string;
}) {
  const id = useId();
  const listId = `${id}-options`;
  const [open, setOpen] = useState(false);
  const [filter, setFilter] = useState("");
  const [active, setActive] = useState(-1);
  const needle = filter.trim().toLowerCase();
  const shown = options
    .filter((option) => option.toLowerCase().includes(needle))
    .slice(0, MAX_SUGGESTIONS);
  const choose = (option: string) => {
    onChange(option);
    setOpen(false);
    setActive(-1);
  };
  // Typed out in full: nothing left to choose, so the list gets out of the way.
  const settled = filter !== "" && shown.length === 1 && shown[0] === filter;
  const listed = open && !readOnly && !settled;
  const flag =
    unknown && value.trim() !== "" && !options.includes(value.trim())
      ? unknown(value.trim())
      : null;
  return (
    <div className="relative space-y-1">
      <label htmlFor={id} className="block text-xs font-medium text-slate-700">
        {label}
      </label>
      <input
        id={id}
        role="combobox"
        aria-expanded={listed}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={listed && active >= 0 ? `${listId}-${active}` : undefined}
        className={INPUT}
        value={value}
        readOnly={readOnly}
        placeholder={placeholder ?? (options.length ? "Search or choose…" : undefined)}
        autoComplete="off"
        onFocus={() => {
          // Opening shows everything: the current value is a choice, not a search.
          setFilter("");
          setOpen(true);
        }}
        onClick={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onChange={(e) => {
          setFilter(e.target.value);
          setActive(-1);
          setOpen(true);
          onChange(e.target.value);
        }}
        onKeyDown={(e) => {
          if (readOnly) return;
          if (e.key === "ArrowDown" || e.key === "ArrowUp") {
            e.preventDefault();
            setOpen(true);
            const step = e.key === "ArrowDown" ? 1 : -1;
            setActive((current) => Math.max(0, Math.min(shown.length - 1, current + step)));
          } else if (e.key === "Enter" && listed && active >= 0 && shown[active]) {
            e.preventDefault();
            choose(shown[active]);
          } else if (e.key === "Escape" && listed) {
            e.stopPropagation();
            setOpen(false);
          }
        }}
      />
      {listed ? (
        <div
          id={listId}
          role="listbox"
          aria-label="Suggestions"
          className="absolute z-20 mt-1 max-h-56 w-full overflow-y-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg"
        >
          {shown.length === 0 ? (
            <p className="px-2 py-1 text-xs text-slate-500">
              {options.length === 0
                ? "Nothing seen in this workspace yet"
                : "No match: you can keep what you typed"}
            </p>
          ) : (
            shown.map((option, index) => (
              <div
                key={option}
                tabIndex={-1}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={option === value}
                // mousedown, not click: the input must not blur first.
                onMouseDown={(e) => {
                  e.preventDefault();
                  choose(option);
                }}
                className={`cursor-pointer px-2 py-1 ${index === active ? "bg-brand-50" : ""} ${
                  option === value ? "font-semibold" : ""
                } hover:bg-slate-100`}
              >
                {option}
              </div>
            ))
          )}
        </div>
      ) : null}
      {flag ? (
        <p className="text-xs text-amber-800" data-testid="unseen-name">
          {flag}
        </p>
      ) : null}
      {hint ? <p className="text-xs text-slate-500">{hint}</p> : null}
    </div>
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
