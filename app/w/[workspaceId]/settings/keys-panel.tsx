"use client";

import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { SecretShownOnce } from "@/components/data/secret-shown-once";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ApiClientError, fetchJson } from "@/lib/query/fetch-json";

type Kind = "write" | "secret";

export interface SecretKeyRow {
  id: string;
  name: string;
  hint: string;
  createdAt: string;
}

export function KeysPanel({
  workspaceId,
  writeKey,
  secretKeys,
  canRotate,
}: {
  workspaceId: string;
  writeKey: string;
  secretKeys: SecretKeyRow[];
  canRotate: boolean;
}) {
  const [write, setWrite] = useState(writeKey);
  const [secrets, setSecrets] = useState(secretKeys);
  const [revealed, setRevealed] = useState<{ title: string; key: string } | null>(null);
  const [nameError, setNameError] = useState<string | undefined>();
  const base = `/api/w/${workspaceId}/keys`;
  const secretKeysUrl = `/api/w/${workspaceId}/secret-keys`;

  const rotate = useMutation({
    mutationFn: (kind: Kind) =>
      fetchJson<{ kind: Kind; key: string }>(`${base}/${kind}/rotate`, { method: "POST" }),
    onSuccess: async ({ kind, key }) => {
      if (kind === "write") return setWrite(key);
      setRevealed({ title: "New secret key", key });
      // The list holds prefixes only: read it again rather than guess.
      setSecrets((await fetchJson<{ keys: SecretKeyRow[] }>(secretKeysUrl)).keys);
    },
  });
  const create = useMutation({
    mutationFn: (name: string) =>
      fetchJson<SecretKeyRow & { key: string }>(secretKeysUrl, {
        method: "POST",
        body: JSON.stringify({ name }),
      }),
    onSuccess: ({ key, ...row }) => {
      setRevealed({ title: `New secret key “${row.name}”`, key });
      setSecrets((rows) => [{ ...row, createdAt: new Date().toISOString() }, ...rows]);
      setNameError(undefined);
    },
    onError: (e) => {
      if (e instanceof ApiClientError && e.fieldErrors.name) setNameError(e.fieldErrors.name);
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => fetchJson<null>(`${secretKeysUrl}/${id}`, { method: "DELETE" }),
    onSuccess: (_data, id) => setSecrets((rows) => rows.filter((row) => row.id !== id)),
  });
  const pending = rotate.isPending || create.isPending || revoke.isPending;
  const error = rotate.error ?? (nameError ? null : create.error) ?? revoke.error;

  function confirmRotate(kind: Kind) {
    const what = kind === "write" ? "write key" : "secret key";
    if (window.confirm(`Rotate the ${what}? The current one stops working immediately.`)) {
      rotate.mutate(kind);
    }
  }

  function submitName(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const name = String(new FormData(form).get("name") ?? "").trim();
    if (!name) return setNameError("Give the key a name (the service that will use it).");
    create.mutate(name, { onSuccess: () => form.reset() });
  }

  const defaults = secrets.filter((row) => row.name === "");
  const named = secrets.filter((row) => row.name !== "");

  return (
    <section
      aria-labelledby="keys-heading"
      className="rounded-lg border border-slate-200 bg-white p-6"
    >
      <h2 id="keys-heading" className="text-lg font-semibold">
        API keys
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        The <strong>write key</strong> is public: apps send events with it, from browsers too. A{" "}
        <strong>secret key</strong> is for your servers only (Authorization: Bearer). Cue stores
        secret keys hashed: each is shown once, when it is made, and afterwards only by its prefix.
      </p>
      <dl className="mt-4 space-y-3 text-sm">
        <KeyRow label="Write key" value={write} testId="write-key">
          <Button
            variant="secondary"
            disabled={!canRotate || pending}
            onClick={() => confirmRotate("write")}
          >
            Rotate write key
          </Button>
        </KeyRow>
        <KeyRow
          label="Secret key"
          value={defaults.map((row) => row.hint).join(", ")}
          testId="secret-key"
        >
          <Button
            variant="secondary"
            disabled={!canRotate || pending}
            onClick={() => confirmRotate("secret")}
          >
            Rotate secret key
          </Button>
        </KeyRow>
        {named.map((row) => (
          <KeyRow key={row.id} label={row.name} value={row.hint} testId={`secret-key-${row.id}`}>
            <Button
              variant="secondary"
              disabled={!canRotate || pending}
              aria-label={`Revoke secret key ${row.name}`}
              onClick={() => {
                if (window.confirm(`Revoke “${row.name}”? It stops working immediately.`)) {
                  revoke.mutate(row.id);
                }
              }}
            >
              Revoke
            </Button>
          </KeyRow>
        ))}
      </dl>
      {canRotate ? (
        <form onSubmit={submitName} className="mt-4 flex items-end gap-3" noValidate>
          <div className="flex-1">
            <Field
              id="secret-key-name"
              name="name"
              label="Another secret key, named for the service that uses it"
              error={nameError}
            />
          </div>
          <Button type="submit" variant="secondary" disabled={pending}>
            Create secret key
          </Button>
        </form>
      ) : (
        <p className="mt-3 text-xs text-slate-500">Only admins and owners can change keys.</p>
      )}
      {revealed ? (
        <SecretShownOnce
          title={revealed.title}
          secret={revealed.key}
          onDismiss={() => setRevealed(null)}
        />
      ) : null}
      {error ? (
        <p role="alert" className="mt-3 text-sm text-red-600">
          {error.message}
        </p>
      ) : null}
    </section>
  );
}

function KeyRow({
  label,
  value,
  testId,
  children,
}: {
  label: string;
  value: string;
  testId: string;
  children: React.ReactNode;
}) {
  return (
    <div className="flex items-center gap-4">
      <dt className="w-24 truncate text-slate-500" title={label}>
        {label}
      </dt>
      <dd className="flex-1 truncate font-mono text-xs" data-testid={testId}>
        {value || "—"}
      </dd>
      {/* A dl holds only dt and dd: the key's action is part of its description. */}
      <dd>{children}</dd>
    </div>
  );
}
