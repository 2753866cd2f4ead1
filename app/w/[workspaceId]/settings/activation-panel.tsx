"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useEventCatalogQuery } from "@/components/events/use-event-catalog-query";
import { SuggestField } from "@/components/journey-builder/inspector/fields";
import { Button } from "@/components/ui/button";
import { unseenEventFlag } from "@/lib/journey-core/unseen-events";
import { ApiClientError, fetchJson } from "@/lib/query/fetch-json";
import {
  type ActivationSettings,
  activationText,
  MAX_ACTIVATION_EVENTS,
} from "@/lib/workspaces/activation-input";

interface ActivationView {
  activation: ActivationSettings | null;
}

/** Settings → Activation: the events that mean a new user got value, and within how many days. */
export function ActivationPanel({
  workspaceId,
  canEdit,
}: {
  workspaceId: string;
  canEdit: boolean;
}) {
  const url = `/api/w/${workspaceId}/settings/activation`;
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: [url], queryFn: () => fetchJson<ActivationView>(url) });
  const save = useMutation({
    mutationFn: (activation: ActivationSettings | null) =>
      fetchJson<ActivationView>(url, { method: "PUT", body: JSON.stringify({ activation }) }),
    onSuccess: (data) => queryClient.setQueryData([url], data),
  });
  const errors = save.error instanceof ApiClientError ? save.error.fieldErrors : {};
  const data = query.data;
  return (
    <section
      id="activation"
      aria-labelledby="activation-heading"
      className="rounded-lg border border-slate-200 bg-white p-6"
    >
      <h2 id="activation-heading" className="text-lg font-semibold">
        Activation
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        The event that shows a new user got value, and how many days after they were first seen it
        counts. The home page shows the activation rate of each signup cohort and how much each
        journey moved it.
      </p>
      {data ? (
        <ActivationForm
          key={JSON.stringify(data)}
          workspaceId={workspaceId}
          saved={data.activation}
          canEdit={canEdit}
          pending={save.isPending}
          errors={errors}
          onSave={(activation) => save.mutate(activation)}
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

function ActivationForm({
  workspaceId,
  saved,
  canEdit,
  pending,
  errors,
  onSave,
}: {
  workspaceId: string;
  saved: ActivationSettings | null;
  canEdit: boolean;
  pending: boolean;
  errors: Record<string, string>;
  onSave: (activation: ActivationSettings | null) => void;
}) {
  const catalog = useEventCatalogQuery(workspaceId);
  const names = (catalog.data?.events ?? []).map((event) => event.name);
  // Nothing pre-filled: an empty picker until the workspace chooses.
  const [events, setEvents] = useState<string[]>(saved?.events ?? [""]);
  const [windowDays, setWindowDays] = useState(String(saved?.windowDays ?? 7));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSave({
      events: events.map((name) => name.trim()).filter((name) => name !== ""),
      windowDays: windowDays.trim() === "" ? Number.NaN : Number(windowDays),
    });
  }

  const eventErrors = Object.entries(errors)
    .filter(([field]) => field === "activation.events" || field.startsWith("activation.events."))
    .map(([, message]) => message);
  const windowError = errors["activation.windowDays"];
  return (
    <form onSubmit={onSubmit} className="mt-4 space-y-4 text-sm">
      {saved ? (
        <p className="text-slate-700" data-testid="activation-current">
          Now: {activationText(saved)}.
        </p>
      ) : (
        <p className="text-amber-800">Not set yet: the home page has nothing to show.</p>
      )}
      <fieldset className="space-y-2" disabled={!canEdit}>
        <legend className="font-medium">Activation events (any one of them counts)</legend>
        {events.map((name, index) => (
          <div
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place by position
            key={index}
            className="flex max-w-md items-end gap-2"
          >
            <div className="flex-1">
              <SuggestField
                label={`Activation event ${index + 1}`}
                value={name}
                options={names}
                readOnly={!canEdit}
                unknown={catalog.data ? unseenEventFlag : undefined}
                onChange={(value) =>
                  setEvents((current) => current.map((n, i) => (i === index ? value : n)))
                }
              />
            </div>
            {canEdit && events.length > 1 ? (
              <Button
                variant="ghost"
                aria-label={`Remove activation event ${index + 1}`}
                onClick={() => setEvents((current) => current.filter((_, i) => i !== index))}
              >
                Remove
              </Button>
            ) : null}
          </div>
        ))}
        {canEdit && events.length < MAX_ACTIVATION_EVENTS ? (
          <Button variant="secondary" onClick={() => setEvents((current) => [...current, ""])}>
            Add another event
          </Button>
        ) : null}
        {eventErrors.length > 0 ? (
          <ul role="alert" className="text-red-600">
            {eventErrors.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        ) : null}
      </fieldset>
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor="activation-window">Within</label>
        <input
          id="activation-window"
          type="number"
          min={1}
          max={90}
          value={windowDays}
          disabled={!canEdit}
          onChange={(e) => setWindowDays(e.target.value)}
          aria-invalid={Boolean(windowError) || undefined}
          aria-describedby={windowError ? "activation-window-error" : undefined}
          className="w-20 rounded-md border border-slate-300 px-2 py-1 text-sm disabled:bg-slate-50 aria-invalid:border-red-500"
        />
        <span>days of first seen</span>
      </div>
      {windowError ? (
        <p id="activation-window-error" role="alert" className="text-red-600">
          {windowError}
        </p>
      ) : null}
      {canEdit ? (
        <div className="flex gap-3">
          <Button type="submit" disabled={pending}>
            Save activation
          </Button>
          {saved ? (
            <Button variant="secondary" disabled={pending} onClick={() => onSave(null)}>
              Clear
            </Button>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
