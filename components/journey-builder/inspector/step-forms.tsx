"use client";

import type { NodeOfType } from "@/lib/journey-core/definition";
import type { TraitOperation } from "@/lib/journey-core/update-profile-step";
import {
  SECRET_MASK,
  WEBHOOK_METHODS,
  type WebhookHeader,
  type WebhookMethod,
} from "@/lib/journey-core/webhook-step";
import { INPUT, Labelled, TextField } from "./fields";
import type { Update } from "./node-forms";

// The inspector forms of the webhook and update-profile steps. A secret
// header's value is write-only: once saved the form shows "••••" and a
// "Replace" button, never the value (the server does not send it back).

interface FormProps<N> {
  node: N;
  update: Update<N>;
  readOnly: boolean;
}

const SMALL_BUTTON =
  "rounded border border-slate-300 px-2 py-1 text-xs text-slate-700 hover:bg-slate-50 disabled:opacity-50";

function HeaderRow({
  header,
  index,
  onChange,
  onRemove,
  readOnly,
}: {
  header: WebhookHeader;
  index: number;
  onChange: (next: WebhookHeader) => void;
  onRemove: () => void;
  readOnly: boolean;
}) {
  const n = index + 1;
  const stored =
    header.secret === true && header.secretId !== undefined && header.value === undefined;
  return (
    <li className="space-y-1 rounded border border-slate-200 p-2">
      <TextField
        label={`Header ${n} name`}
        value={header.name}
        onChange={(name) => onChange({ ...header, name })}
        readOnly={readOnly}
        placeholder="Authorization"
      />
      {stored ? (
        <Labelled label={`Header ${n} value (secret)`}>
          {(id) => (
            <div className="flex items-center gap-2">
              <input id={id} className={INPUT} value={SECRET_MASK} readOnly />
              <button
                type="button"
                className={SMALL_BUTTON}
                disabled={readOnly}
                onClick={() => onChange({ name: header.name, secret: true, value: "" })}
              >
                Replace
              </button>
            </div>
          )}
        </Labelled>
      ) : (
        <Labelled label={`Header ${n} value${header.secret ? " (secret)" : ""}`}>
          {(id) => (
            <input
              id={id}
              className={INPUT}
              type={header.secret ? "password" : "text"}
              autoComplete="off"
              value={header.value ?? ""}
              readOnly={readOnly}
              onChange={(e) => onChange({ ...header, value: e.target.value })}
            />
          )}
        </Labelled>
      )}
      <div className="flex items-center justify-between">
        <label className="flex items-center gap-1 text-xs text-slate-700">
          <input
            type="checkbox"
            checked={header.secret === true}
            disabled={readOnly || stored}
            onChange={(e) =>
              onChange(
                e.target.checked
                  ? { ...header, secret: true }
                  : { name: header.name, value: header.value ?? "" },
              )
            }
          />
          Secret (write-only)
        </label>
        <button type="button" className={SMALL_BUTTON} disabled={readOnly} onClick={onRemove}>
          Remove header {n}
        </button>
      </div>
    </li>
  );
}

export function WebhookForm({ node, update, readOnly }: FormProps<NodeOfType<"send_webhook">>) {
  const headers = Array.isArray(node.headers) ? node.headers : [];
  const setHeaders = (next: WebhookHeader[]) => update({ ...node, headers: next }, "headers");
  return (
    <div className="space-y-3">
      <Labelled label="Method">
        {(id) => (
          <select
            id={id}
            className={INPUT}
            value={node.method}
            disabled={readOnly}
            onChange={(e) => update({ ...node, method: e.target.value as WebhookMethod }, "method")}
          >
            {WEBHOOK_METHODS.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        )}
      </Labelled>
      <TextField
        label="URL"
        value={node.url ?? ""}
        onChange={(url) => update({ ...node, url }, "url")}
        readOnly={readOnly}
        placeholder="https://example.com/hooks/cue"
        hint="Private-network addresses are refused unless an admin allowed them (CUE_WEBHOOKS_ALLOW_PRIVATE=1)."
      />
      <fieldset className="space-y-2">
        <legend className="text-xs font-medium text-slate-700">Headers</legend>
        <ul className="space-y-2">
          {headers.map((header, i) => (
            <HeaderRow
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own
              key={i}
              header={header}
              index={i}
              readOnly={readOnly}
              onChange={(next) => setHeaders(headers.map((h, j) => (j === i ? next : h)))}
              onRemove={() => setHeaders(headers.filter((_, j) => j !== i))}
            />
          ))}
        </ul>
        <button
          type="button"
          className={SMALL_BUTTON}
          disabled={readOnly || headers.length >= 20}
          onClick={() => setHeaders([...headers, { name: "", value: "" }])}
        >
          Add header
        </button>
      </fieldset>
      <Labelled
        label="Body (Liquid; values are JSON-escaped)"
        hint='For example {"email": "{{ profile.email }}", "plan": "{{ profile.traits.plan }}"}'
      >
        {(id) => (
          <textarea
            id={id}
            className={`${INPUT} font-mono`}
            rows={6}
            value={node.body ?? ""}
            readOnly={readOnly}
            onChange={(e) => update({ ...node, body: e.target.value }, "body")}
          />
        )}
      </Labelled>
      <Labelled
        label="Timeout per attempt (seconds)"
        hint="Up to 5 attempts over about 15 minutes."
      >
        {(id) => (
          <input
            id={id}
            type="number"
            min={1}
            max={30}
            className={INPUT}
            value={node.timeoutSeconds ?? 10}
            readOnly={readOnly}
            onChange={(e) =>
              update({ ...node, timeoutSeconds: Number(e.target.value) }, "timeoutSeconds")
            }
          />
        )}
      </Labelled>
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input
          type="checkbox"
          checked={node.countsAsMessage === true}
          disabled={readOnly}
          onChange={(e) =>
            update({ ...node, countsAsMessage: e.target.checked }, "countsAsMessage")
          }
        />
        Counts as a message (frequency budget, holdout, message limit)
      </label>
      <p className="text-xs text-slate-500">
        Signed with the workspace&apos;s step signing secret (Standard Webhooks headers) and sent
        with an Idempotency-Key. Succeeded: a 2xx answer. Failed: anything else after the last
        retry.
      </p>
    </div>
  );
}

const OPS: { value: TraitOperation["op"]; label: string }[] = [
  { value: "set", label: "Set" },
  { value: "increment", label: "Increase by" },
  { value: "remove", label: "Remove" },
];

/** Text typed into "value" as a trait value: true/false and numbers become themselves. */
function typedValue(text: string): string | number | boolean {
  if (text === "true") return true;
  if (text === "false") return false;
  if (text.trim() !== "" && Number.isFinite(Number(text))) return Number(text);
  return text;
}

export function UpdateProfileForm({
  node,
  update,
  readOnly,
}: FormProps<NodeOfType<"update_profile">>) {
  const operations = Array.isArray(node.operations) ? node.operations : [];
  const set = (next: TraitOperation[]) => update({ ...node, operations: next }, "operations");
  const change = (i: number, next: TraitOperation) =>
    set(operations.map((op, j) => (j === i ? next : op)));
  return (
    <fieldset className="space-y-2">
      <legend className="text-xs font-medium text-slate-700">Trait changes, in order</legend>
      <ul className="space-y-2">
        {operations.map((op, i) => {
          const n = i + 1;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own
            <li key={i} className="space-y-1 rounded border border-slate-200 p-2">
              <Labelled label={`Change ${n}`}>
                {(id) => (
                  <select
                    id={id}
                    className={INPUT}
                    value={op.op}
                    disabled={readOnly}
                    onChange={(e) => {
                      const kind = e.target.value as TraitOperation["op"];
                      if (kind === "set") change(i, { op: "set", trait: op.trait, value: "" });
                      else if (kind === "increment")
                        change(i, { op: "increment", trait: op.trait, by: 1 });
                      else change(i, { op: "remove", trait: op.trait });
                    }}
                  >
                    {OPS.map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                )}
              </Labelled>
              <TextField
                label={`Trait of change ${n}`}
                value={op.trait}
                onChange={(trait) => change(i, { ...op, trait })}
                readOnly={readOnly}
                placeholder="onboarding_nudged"
              />
              {op.op === "set" ? (
                <TextField
                  label={`Value of change ${n}`}
                  value={String(op.value)}
                  onChange={(text) => change(i, { ...op, value: typedValue(text) })}
                  readOnly={readOnly}
                  hint="true, false and numbers are stored as such; anything else as text."
                />
              ) : null}
              {op.op === "increment" ? (
                <Labelled label={`Amount of change ${n}`}>
                  {(id) => (
                    <input
                      id={id}
                      type="number"
                      className={INPUT}
                      value={Number.isFinite(op.by) ? op.by : ""}
                      readOnly={readOnly}
                      onChange={(e) => change(i, { ...op, by: Number(e.target.value) })}
                    />
                  )}
                </Labelled>
              ) : null}
              <button
                type="button"
                className={SMALL_BUTTON}
                disabled={readOnly || operations.length <= 1}
                onClick={() => set(operations.filter((_, j) => j !== i))}
              >
                Remove change {n}
              </button>
            </li>
          );
        })}
      </ul>
      <button
        type="button"
        className={SMALL_BUTTON}
        disabled={readOnly || operations.length >= 20}
        onClick={() => set([...operations, { op: "set", trait: "", value: true }])}
      >
        Add a trait change
      </button>
      <p className="text-xs text-slate-500">
        Applied like an identify: later steps, other journeys&apos; trait triggers and segments see
        it at once. It never re-triggers this journey.
      </p>
    </fieldset>
  );
}
