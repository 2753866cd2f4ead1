"use client";

export interface EventTypeOption {
  type: string;
  description: string;
}

/** Checkboxes for the event types an endpoint subscribes to, grouped by family. */
export function EventTypePicker({
  options,
  selected,
  onChange,
  disabled = false,
}: {
  options: EventTypeOption[];
  selected: string[];
  onChange: (types: string[]) => void;
  disabled?: boolean;
}) {
  const families = [...new Set(options.map((o) => o.type.split(".")[0]))];
  const toggle = (type: string, on: boolean) =>
    onChange(on ? [...selected, type] : selected.filter((t) => t !== type));
  return (
    <fieldset disabled={disabled}>
      <legend className="text-sm font-medium">Event types</legend>
      <div className="mt-2 grid gap-4 sm:grid-cols-3">
        {families.map((family) => (
          <div key={family}>
            <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">{family}</p>
            <ul className="mt-1 space-y-1">
              {options
                .filter((o) => o.type.startsWith(`${family}.`))
                .map((option) => (
                  <li key={option.type}>
                    <label className="flex items-start gap-2 text-sm" title={option.description}>
                      <input
                        type="checkbox"
                        checked={selected.includes(option.type)}
                        onChange={(e) => toggle(option.type, e.target.checked)}
                        className="mt-0.5"
                      />
                      <span className="font-mono text-xs">{option.type}</span>
                    </label>
                  </li>
                ))}
            </ul>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
