"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import type { WorkspaceDeliveryRules } from "@/lib/journey-core/delivery-rules";
import { ApiClientError, fetchJson } from "@/lib/query/fetch-json";
import { quietHoursText } from "@/lib/workspaces/quiet-hours-text";

interface RulesView {
  rules: WorkspaceDeliveryRules;
  isDefault: boolean;
}

const input =
  "w-24 rounded-md border border-slate-300 px-2 py-1 text-sm disabled:bg-slate-50 aria-invalid:border-red-500";
// Wide enough for "09:00 PM" in a 12-hour locale, the clock icon included.
const timeInput =
  "w-36 rounded-md border border-slate-300 px-2 py-1 text-sm tabular-nums disabled:bg-slate-50 aria-invalid:border-red-500";

/** Settings → Delivery rules: the frequency budget and quiet hours every journey obeys. */
export function DeliveryRulesPanel({
  workspaceId,
  canEdit,
}: {
  workspaceId: string;
  canEdit: boolean;
}) {
  const url = `/api/w/${workspaceId}/delivery-rules`;
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: [url], queryFn: () => fetchJson<RulesView>(url) });
  const save = useMutation({
    mutationFn: (rules: WorkspaceDeliveryRules | null) =>
      fetchJson<RulesView>(url, { method: "PUT", body: JSON.stringify({ rules }) }),
    onSuccess: (data) => queryClient.setQueryData([url], data),
  });
  const errors = save.error instanceof ApiClientError ? save.error.fieldErrors : {};
  const data = query.data;

  return (
    <section
      aria-labelledby="rules-heading"
      className="rounded-lg border border-slate-200 bg-white p-6"
    >
      <h2 id="rules-heading" className="text-lg font-semibold">
        Delivery rules
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        Apply to every journey's sends to a user, across channels. Transactional email is exempt.
      </p>
      {data ? (
        <RulesForm
          key={JSON.stringify(data)}
          view={data}
          canEdit={canEdit}
          pending={save.isPending}
          errors={errors}
          onSave={(rules) => save.mutate(rules)}
        />
      ) : (
        <p className="mt-4 text-sm text-slate-500">{query.error?.message ?? "Loading…"}</p>
      )}
      {save.isSuccess ? (
        <p role="status" className="mt-2 text-sm text-green-700">
          Saved.
        </p>
      ) : null}
      {save.error && Object.keys(errors).length === 0 ? (
        <p role="alert" className="mt-2 text-sm text-red-600">
          {save.error.message}
        </p>
      ) : null}
    </section>
  );
}

function RulesForm({
  view,
  canEdit,
  pending,
  errors,
  onSave,
}: {
  view: RulesView;
  canEdit: boolean;
  pending: boolean;
  errors: Record<string, string>;
  onSave: (rules: WorkspaceDeliveryRules | null) => void;
}) {
  const { frequency, quietHours } = view.rules;
  const [capOn, setCapOn] = useState(Boolean(frequency));
  const [quietOn, setQuietOn] = useState(Boolean(quietHours));
  const [quietStart, setQuietStart] = useState(quietHours?.start ?? "21:00");
  const [quietEnd, setQuietEnd] = useState(quietHours?.end ?? "08:00");
  const quietText = quietHoursText(quietStart, quietEnd);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "");
    const rules: WorkspaceDeliveryRules = {};
    if (capOn) {
      rules.frequency = {
        ...frequency,
        max: Number(text("max")),
        windowHours: Number(text("windowHours")),
        onLimit: text("onLimit") === "defer" ? "defer" : "skip",
      };
    }
    if (quietOn) {
      rules.quietHours = {
        ...quietHours,
        start: text("start"),
        end: text("end"),
        onQuiet: text("onQuiet") === "skip" ? "skip" : "defer",
      };
    }
    onSave(rules);
  }

  const disabled = !canEdit;
  const err = (field: string) => errors[field] ?? errors[`rules.${field}`];
  return (
    <form onSubmit={onSubmit} className="mt-4 space-y-5 text-sm">
      <fieldset className="space-y-2" disabled={disabled}>
        <legend className="font-medium">
          <label className="inline-flex items-center gap-2">
            <input type="checkbox" checked={capOn} onChange={(e) => setCapOn(e.target.checked)} />
            Frequency budget
          </label>
        </legend>
        <div className="flex flex-wrap items-center gap-2">
          <label htmlFor="rule-max">At most</label>
          <input
            id="rule-max"
            name="max"
            type="number"
            min={0}
            max={1000}
            defaultValue={frequency?.max ?? 3}
            disabled={!capOn || disabled}
            aria-invalid={Boolean(err("frequency.max")) || undefined}
            className={input}
          />
          <label htmlFor="rule-window">messages per</label>
          <input
            id="rule-window"
            name="windowHours"
            type="number"
            min={1}
            step="any"
            defaultValue={frequency?.windowHours ?? 24}
            disabled={!capOn || disabled}
            aria-invalid={Boolean(err("frequency.windowHours")) || undefined}
            className={input}
          />
          <span>hours; over budget,</span>
          <label htmlFor="rule-on-limit" className="sr-only">
            When over budget
          </label>
          <select
            id="rule-on-limit"
            name="onLimit"
            defaultValue={frequency?.onLimit ?? "defer"}
            disabled={!capOn || disabled}
            className="rounded-md border border-slate-300 px-2 py-1"
          >
            <option value="defer">wait for a free slot</option>
            <option value="skip">skip the message</option>
          </select>
        </div>
        <FieldErrors errors={[err("frequency.max"), err("frequency.windowHours")]} />
      </fieldset>
      <fieldset className="space-y-2" disabled={disabled}>
        <legend className="font-medium">
          <label className="inline-flex items-center gap-2">
            <input
              type="checkbox"
              checked={quietOn}
              onChange={(e) => setQuietOn(e.target.checked)}
            />
            Quiet hours (in each user's time zone)
          </label>
        </legend>
        <div className="flex flex-wrap items-center gap-2">
          <label htmlFor="rule-start">From</label>
          <input
            id="rule-start"
            name="start"
            type="time"
            value={quietStart}
            onChange={(e) => setQuietStart(e.target.value)}
            disabled={!quietOn || disabled}
            aria-describedby="rule-quiet-text"
            aria-invalid={Boolean(err("quietHours.start")) || undefined}
            className={timeInput}
          />
          <label htmlFor="rule-end">to</label>
          <input
            id="rule-end"
            name="end"
            type="time"
            value={quietEnd}
            onChange={(e) => setQuietEnd(e.target.value)}
            disabled={!quietOn || disabled}
            aria-describedby="rule-quiet-text"
            aria-invalid={Boolean(err("quietHours.end")) || undefined}
            className={timeInput}
          />
          <label htmlFor="rule-on-quiet" className="sr-only">
            During quiet hours
          </label>
          <select
            id="rule-on-quiet"
            name="onQuiet"
            defaultValue={quietHours?.onQuiet ?? "defer"}
            disabled={!quietOn || disabled}
            className="rounded-md border border-slate-300 px-2 py-1"
          >
            <option value="defer">hold until they end</option>
            <option value="skip">skip the message</option>
          </select>
        </div>
        <p id="rule-quiet-text" className={quietOn ? "text-slate-600" : "text-slate-500"}>
          {quietText ?? "Enter both times."}
        </p>
        <FieldErrors errors={[err("quietHours.start"), err("quietHours.end")]} />
      </fieldset>
      {canEdit ? (
        <div className="flex gap-3">
          <Button type="submit" disabled={pending}>
            Save delivery rules
          </Button>
          {!view.isDefault ? (
            <Button variant="secondary" disabled={pending} onClick={() => onSave(null)}>
              Reset to default
            </Button>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}

function FieldErrors({ errors }: { errors: (string | undefined)[] }) {
  const shown = errors.filter(Boolean);
  if (shown.length === 0) return null;
  return (
    <ul role="alert" className="text-red-600">
      {shown.map((e) => (
        <li key={e}>{e}</li>
      ))}
    </ul>
  );
}
