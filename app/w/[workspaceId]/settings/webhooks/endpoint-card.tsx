"use client";

import { useState } from "react";
import { LocalTime } from "@/components/data/local-time";
import { Button } from "@/components/ui/button";
import type { WebhookEndpointView } from "@/lib/webhooks/manage-webhooks";
import { DeliveryLog } from "./delivery-log";
import { type EventTypeOption, EventTypePicker } from "./event-type-picker";
import { useWebhookMutations } from "./use-webhooks";

/** One endpoint: status (and why it is disabled), event types, actions, delivery log. */
export function EndpointCard({
  workspaceId,
  endpoint,
  canEdit,
  eventTypes,
  onSecret,
}: {
  workspaceId: string;
  endpoint: WebhookEndpointView;
  canEdit: boolean;
  eventTypes: EventTypeOption[];
  onSecret: (secret: string) => void;
}) {
  const m = useWebhookMutations(workspaceId);
  const [editing, setEditing] = useState<string[] | null>(null);
  const [showLog, setShowLog] = useState(false);
  const error = [m.update, m.rotate, m.test, m.remove].find((x) => x.error)?.error;
  const headingId = `endpoint-${endpoint.id}`;

  return (
    <section
      aria-labelledby={headingId}
      className="rounded-lg border border-slate-200 bg-white p-5"
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h2 id={headingId} className="break-all font-mono text-sm font-semibold">
            {endpoint.url}
          </h2>
          {endpoint.description ? (
            <p className="text-sm text-slate-600">{endpoint.description}</p>
          ) : null}
        </div>
        <span
          className={`rounded-full px-2 py-0.5 text-xs font-medium ${
            endpoint.enabled ? "bg-green-100 text-green-800" : "bg-slate-200 text-slate-700"
          }`}
        >
          {endpoint.enabled ? "Enabled" : "Disabled"}
        </span>
      </div>

      {!endpoint.enabled && endpoint.disabledReason === "failing" ? (
        <p role="alert" className="mt-3 rounded-md bg-red-50 p-3 text-sm text-red-800">
          Cue disabled this endpoint on{" "}
          {endpoint.disabledAt ? <LocalTime iso={endpoint.disabledAt} /> : "a past date"} because
          every delivery attempt failed for a day. Fix the receiver, then enable it again; replay
          the failed deliveries from the log.
        </p>
      ) : null}
      {endpoint.enabled && endpoint.failingSince ? (
        <p className="mt-3 rounded-md bg-amber-50 p-3 text-sm text-amber-900">
          Deliveries have been failing since <LocalTime iso={endpoint.failingSince} withRelative />.
          After a day of failures the endpoint is disabled.
        </p>
      ) : null}
      {endpoint.previousSecretExpiresAt ? (
        <p className="mt-3 text-xs text-slate-500">
          The previous secret also signs until{" "}
          <LocalTime iso={endpoint.previousSecretExpiresAt} withRelative />.
        </p>
      ) : null}

      {editing ? (
        <div className="mt-4 space-y-3">
          <EventTypePicker options={eventTypes} selected={editing} onChange={setEditing} />
          <div className="flex gap-2">
            <Button
              disabled={m.update.isPending}
              onClick={() =>
                m.update.mutate(
                  { id: endpoint.id, eventTypes: editing },
                  { onSuccess: () => setEditing(null) },
                )
              }
            >
              Save event types
            </Button>
            <Button variant="secondary" onClick={() => setEditing(null)}>
              Cancel
            </Button>
          </div>
        </div>
      ) : (
        <p className="mt-3 flex flex-wrap gap-1">
          {endpoint.eventTypes.map((type) => (
            <span key={type} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs">
              {type}
            </span>
          ))}
        </p>
      )}

      {error ? (
        <p role="alert" className="mt-3 text-sm text-red-600">
          {error.message}
        </p>
      ) : null}

      <div className="mt-4 flex flex-wrap gap-2">
        <Button variant="secondary" onClick={() => setShowLog((v) => !v)} aria-expanded={showLog}>
          {showLog ? "Hide delivery log" : "Delivery log"}
        </Button>
        {canEdit ? (
          <>
            <Button
              variant="secondary"
              disabled={!endpoint.enabled || m.test.isPending}
              onClick={() => m.test.mutate(endpoint.id, { onSuccess: () => setShowLog(true) })}
            >
              Send test event
            </Button>
            {editing ? null : (
              <Button variant="secondary" onClick={() => setEditing(endpoint.eventTypes)}>
                Edit event types
              </Button>
            )}
            <Button
              variant="secondary"
              disabled={m.rotate.isPending}
              onClick={() => {
                if (
                  window.confirm(
                    "Rotate the signing secret? The old one keeps signing for 24 hours.",
                  )
                )
                  m.rotate.mutate(endpoint.id, { onSuccess: (data) => onSecret(data.secret) });
              }}
            >
              Rotate secret
            </Button>
            <Button
              variant="secondary"
              disabled={m.update.isPending}
              onClick={() => m.update.mutate({ id: endpoint.id, enabled: !endpoint.enabled })}
            >
              {endpoint.enabled ? "Disable" : "Enable"}
            </Button>
            <Button
              variant="ghost"
              disabled={m.remove.isPending}
              onClick={() => {
                if (window.confirm(`Delete the endpoint ${endpoint.url} and its delivery log?`))
                  m.remove.mutate(endpoint.id);
              }}
            >
              Delete
            </Button>
          </>
        ) : null}
      </div>
      {showLog ? (
        <DeliveryLog workspaceId={workspaceId} endpointId={endpoint.id} canReplay={canEdit} />
      ) : null}
    </section>
  );
}
