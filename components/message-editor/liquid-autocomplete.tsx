"use client";

import {
  type ChangeEvent,
  type KeyboardEvent,
  type TextareaHTMLAttributes,
  useId,
  useRef,
  useState,
} from "react";
import { insertVariable, liquidQueryAt } from "@/lib/templates/liquid-variable-insert";

type Control = HTMLInputElement | HTMLTextAreaElement;

/**
 * An input or textarea that suggests Liquid variables after `{{`: arrow keys
 * choose, Enter or Tab inserts, Escape closes. Without variables it is the
 * plain control.
 */
export function LiquidTextControl({
  multiline,
  variables,
  value,
  onValueChange,
  ...props
}: Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "onChange" | "value"> & {
  multiline?: boolean;
  variables?: readonly string[];
  value: string;
  onValueChange: (value: string) => void;
}) {
  const listId = useId();
  const ref = useRef<Control>(null);
  const [query, setQuery] = useState<{ start: number; text: string; caret: number } | null>(null);
  const [active, setActive] = useState(0);
  const matches =
    query && variables?.length && !props.readOnly
      ? variables
          .filter((v) => v.toLowerCase().includes(query.text.toLowerCase()) && v !== query.text)
          .slice(0, 8)
      : [];
  const open = matches.length > 0;

  const detect = (el: Control) => {
    const caret = el.selectionStart ?? el.value.length;
    const found = liquidQueryAt(el.value, caret);
    setQuery(found ? { ...found, caret } : null);
    setActive(0);
  };
  const accept = (variable: string) => {
    if (!query) return;
    const next = insertVariable(value, query, query.caret, variable);
    onValueChange(next.text);
    setQuery(null);
    requestAnimationFrame(() => {
      ref.current?.focus();
      ref.current?.setSelectionRange(next.caret, next.caret);
    });
  };
  const onKeyDown = (e: KeyboardEvent<Control>) => {
    if (!open) return;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      const step = e.key === "ArrowDown" ? 1 : -1;
      setActive((i) => (i + step + matches.length) % matches.length);
    } else if (e.key === "Enter" || e.key === "Tab") {
      e.preventDefault();
      accept(matches[active]);
    } else if (e.key === "Escape") {
      e.preventDefault();
      setQuery(null);
    }
  };
  const shared = {
    ...props,
    value,
    "aria-autocomplete": "list" as const,
    "aria-controls": open ? listId : undefined,
    "aria-expanded": open,
    "aria-activedescendant": open ? `${listId}-${active}` : undefined,
    onChange: (e: ChangeEvent<Control>) => {
      onValueChange(e.target.value);
      detect(e.target);
    },
    onKeyDown,
    onClick: (e: { currentTarget: Control }) => detect(e.currentTarget),
    onBlur: () => setQuery(null),
  };
  return (
    <div className="relative">
      {multiline ? (
        <textarea ref={ref as React.RefObject<HTMLTextAreaElement>} {...shared} />
      ) : (
        <input
          ref={ref as React.RefObject<HTMLInputElement>}
          {...(shared as React.InputHTMLAttributes<HTMLInputElement>)}
        />
      )}
      {open ? (
        <div
          id={listId}
          role="listbox"
          aria-label="Liquid variables"
          className="absolute z-20 mt-1 max-h-56 w-full overflow-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg"
        >
          {matches.map((variable, index) => (
            <div
              key={variable}
              tabIndex={-1}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className={`cursor-pointer px-3 py-1 font-mono text-xs ${
                index === active ? "bg-brand-50 text-brand-700" : "text-slate-700"
              }`}
              // mousedown, not click: the control must not blur first.
              onMouseDown={(e) => {
                e.preventDefault();
                accept(variable);
              }}
            >
              {variable}
            </div>
          ))}
        </div>
      ) : null}
    </div>
  );
}
