"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { fetchJson } from "@/lib/query/fetch-json";

type Kind = "write" | "secret";

export function KeysPanel({
  workspaceId,
  writeKey,
  secretKeyHint,
  canRotate,
}: {
  workspaceId: string;
  writeKey: string;
  secretKeyHint: string;
  canRotate: boolean;
}) {
  const [current, setCurrent] = useState({ write: writeKey, secret: secretKeyHint });
  const [revealed, setRevealed] = useState<string | null>(null);
  const rotate = useMutation({
    mutationFn: (kind: Kind) =>
      fetchJson<{ kind: Kind; key: string }>(`/api/w/${workspaceId}/keys/${kind}/rotate`, {
        method: "POST",
      }),
    onSuccess: ({ kind, key }) => {
      if (kind === "secret") {
        setRevealed(key);
        setCurrent((c) => ({ ...c, secret: `${key.slice(0, 7)}…${key.slice(-4)}` }));
      } else {
        setCurrent((c) => ({ ...c, write: key }));
      }
    },
  });

  function confirmRotate(kind: Kind) {
    const what = kind === "write" ? "write key" : "secret key";
    if (window.confirm(`Rotate the ${what}? The current one stops working immediately.`)) {
      rotate.mutate(kind);
    }
  }

  return (
    <section
      aria-labelledby="keys-heading"
      className="rounded-lg border border-slate-200 bg-white p-6"
    >
      <h2 id="keys-heading" className="text-lg font-semibold">
        API keys
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        The <strong>write key</strong> is public: apps send events with it. The{" "}
        <strong>secret key</strong> is for your servers only (Authorization: Bearer) and signs
        end-user inbox tokens.
      </p>
      <dl className="mt-4 space-y-3 text-sm">
        <KeyRow label="Write key" value={current.write} testId="write-key">
          <Button
            variant="secondary"
            disabled={!canRotate || rotate.isPending}
            onClick={() => confirmRotate("write")}
          >
            Rotate write key
          </Button>
        </KeyRow>
        <KeyRow label="Secret key" value={current.secret} testId="secret-key">
          <Button
            variant="secondary"
            disabled={!canRotate || rotate.isPending}
            onClick={() => confirmRotate("secret")}
          >
            Rotate secret key
          </Button>
        </KeyRow>
      </dl>
      {!canRotate ? (
        <p className="mt-3 text-xs text-slate-500">Only admins and owners can rotate keys.</p>
      ) : null}
      {revealed ? (
        <div role="status" className="mt-4 rounded-md bg-amber-50 p-3 text-sm text-amber-900">
          New secret key — copy it now, it is shown only once:
          <code className="mt-1 block break-all font-mono text-xs">{revealed}</code>
        </div>
      ) : null}
      {rotate.error ? (
        <p role="alert" className="mt-3 text-sm text-red-600">
          {rotate.error.message}
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
      <dt className="w-24 text-slate-500">{label}</dt>
      <dd className="flex-1 truncate font-mono text-xs" data-testid={testId}>
        {value || "—"}
      </dd>
      {/* A dl holds only dt and dd: the key's action is part of its description. */}
      <dd>{children}</dd>
    </div>
  );
}
