"use client";

import { type FormEvent, useState } from "react";
import { CopyButton } from "@/components/data/copy-button";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ApiClientError } from "@/lib/query/fetch-json";
import type { WebhookEndpointView } from "@/lib/webhooks/manage-webhooks";
import { EndpointCard } from "./endpoint-card";
import { type EventTypeOption, EventTypePicker } from "./event-type-picker";
import { useWebhookMutations, useWebhooks } from "./use-webhooks";

/** Settings → Webhooks: the endpoint list, the create form and the one-time secret. */
export function WebhooksManager({
  workspaceId,
  canEdit,
  initial,
  eventTypes,
}: {
  workspaceId: string;
  canEdit: boolean;
  initial: WebhookEndpointView[];
  eventTypes: EventTypeOption[];
}) {
  const endpoints = useWebhooks(workspaceId, initial);
  const mutations = useWebhookMutations(workspaceId);
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<{ url: string; secret: string; rotated: boolean } | null>(
    null,
  );
  const list = endpoints.data ?? [];

  return (
    <div className="max-w-5xl space-y-6">
      {secret ? (
        <section
          role="status"
          aria-labelledby="secret-heading"
          className="rounded-lg border border-amber-300 bg-amber-50 p-4"
        >
          <h2 id="secret-heading" className="font-semibold text-amber-900">
            {secret.rotated ? "New signing secret" : "Signing secret"} for {secret.url}
          </h2>
          <p className="mt-1 text-sm text-amber-900">
            Copy it now: it is shown only once. Verify each request's <code>webhook-signature</code>{" "}
            with it (any Standard Webhooks library).
            {secret.rotated ? " The previous secret keeps signing alongside for 24 hours." : ""}
          </p>
          <div className="mt-3 flex flex-wrap items-center gap-3">
            <code
              data-testid="webhook-secret"
              className="rounded bg-white px-2 py-1 font-mono text-xs"
            >
              {secret.secret}
            </code>
            <CopyButton text={secret.secret} label="Copy secret" />
            <Button variant="ghost" onClick={() => setSecret(null)}>
              Done
            </Button>
          </div>
        </section>
      ) : null}

      {canEdit && !creating ? (
        <Button onClick={() => setCreating(true)}>Add endpoint</Button>
      ) : null}
      {creating ? (
        <CreateEndpointForm
          eventTypes={eventTypes}
          pending={mutations.create.isPending}
          error={mutations.create.error}
          onCancel={() => setCreating(false)}
          onSubmit={(input) =>
            mutations.create.mutate(input, {
              onSuccess: (data) => {
                setCreating(false);
                setSecret({ url: data.webhook.url, secret: data.secret, rotated: false });
              },
            })
          }
        />
      ) : null}

      {list.length === 0 && !creating ? (
        <EmptyState title="No webhook endpoints yet">
          Add an endpoint to get a signed POST when a message is sent, delivered, opened or bounces,
          when a user reads an inbox item, or when someone enters or converts in a journey.{" "}
          {canEdit ? "" : "An admin can add one."}
        </EmptyState>
      ) : null}

      <ul className="space-y-4">
        {list.map((endpoint) => (
          <li key={endpoint.id}>
            <EndpointCard
              workspaceId={workspaceId}
              endpoint={endpoint}
              canEdit={canEdit}
              eventTypes={eventTypes}
              onSecret={(value) => setSecret({ url: endpoint.url, secret: value, rotated: true })}
            />
          </li>
        ))}
      </ul>
    </div>
  );
}

function CreateEndpointForm({
  eventTypes,
  pending,
  error,
  onCancel,
  onSubmit,
}: {
  eventTypes: EventTypeOption[];
  pending: boolean;
  error: Error | null;
  onCancel: () => void;
  onSubmit: (input: { url: string; description: string; eventTypes: string[] }) => void;
}) {
  const [url, setUrl] = useState("");
  const [description, setDescription] = useState("");
  const [selected, setSelected] = useState<string[]>(eventTypes.map((e) => e.type));
  const fields = error instanceof ApiClientError ? error.fieldErrors : {};
  const typeError = Object.entries(fields).find(([field]) => field.startsWith("eventTypes"))?.[1];

  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit({ url: url.trim(), description, eventTypes: selected });
  }

  return (
    <form
      onSubmit={submit}
      aria-label="New webhook endpoint"
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-6"
    >
      <div>
        <label htmlFor="webhook-url" className="block text-sm font-medium">
          Endpoint URL
        </label>
        <input
          id="webhook-url"
          type="url"
          required
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          placeholder="https://example.com/webhooks/cue"
          aria-invalid={fields.url ? true : undefined}
          aria-describedby={fields.url ? "webhook-url-error" : undefined}
          className="mt-1 block w-full max-w-xl rounded-md border border-slate-300 px-3 py-1.5 text-sm"
        />
        {fields.url ? (
          <p id="webhook-url-error" role="alert" className="mt-1 text-sm text-red-600">
            {fields.url}
          </p>
        ) : null}
      </div>
      <div>
        <label htmlFor="webhook-description" className="block text-sm font-medium">
          Description <span className="font-normal text-slate-500">(optional)</span>
        </label>
        <input
          id="webhook-description"
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          className="mt-1 block w-full max-w-xl rounded-md border border-slate-300 px-3 py-1.5 text-sm"
        />
      </div>
      <EventTypePicker options={eventTypes} selected={selected} onChange={setSelected} />
      {typeError ? (
        <p role="alert" className="text-sm text-red-600">
          {typeError}
        </p>
      ) : null}
      {error && Object.keys(fields).length === 0 ? (
        <p role="alert" className="text-sm text-red-600">
          {error.message}
        </p>
      ) : null}
      <div className="flex gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create endpoint"}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
