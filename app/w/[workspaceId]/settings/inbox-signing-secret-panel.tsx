"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { CopyButton } from "@/components/data/copy-button";
import { LocalTime } from "@/components/data/local-time";
import { Button } from "@/components/ui/button";
import type { InboxSigningSecretJson } from "@/lib/inbox/inbox-signing-secret-json";
import { fetchJson } from "@/lib/query/fetch-json";

/**
 * The inbox signing secret (identity verification): admins read it here and
 * put it on their servers, which compute each user's user_hash with it.
 * `initial` is null for members who may not read it.
 */
export function InboxSigningSecretPanel({
  workspaceId,
  initial,
}: {
  workspaceId: string;
  initial: InboxSigningSecretJson | null;
}) {
  const [current, setCurrent] = useState(initial);
  const [shown, setShown] = useState(false);
  const base = `/api/w/${workspaceId}/inbox-signing-secret`;
  const rotate = useMutation({
    mutationFn: (graceHours: number) =>
      fetchJson<InboxSigningSecretJson>(`${base}/rotate`, {
        method: "POST",
        body: JSON.stringify({ graceHours }),
      }),
    onSuccess: (next) => {
      setCurrent(next);
      setShown(true);
    },
  });
  const endPrevious = useMutation({
    mutationFn: () => fetchJson<InboxSigningSecretJson>(`${base}/previous`, { method: "DELETE" }),
    onSuccess: setCurrent,
  });
  const error = rotate.error ?? endPrevious.error;

  return (
    <section
      aria-labelledby="inbox-secret-heading"
      className="rounded-lg border border-slate-200 bg-white p-6"
    >
      <h2 id="inbox-secret-heading" className="text-lg font-semibold">
        Inbox signing secret
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        Proves your users to the in-app inbox (identity verification). Your server computes each
        user’s <code className="font-mono text-xs">userHash</code> as the hex HMAC-SHA256 of their
        user id with this secret, and cue.js sends it. Keep it on your servers, never in browser
        code.
      </p>
      {!current ? (
        <p className="mt-3 text-xs text-slate-500">Only admins and owners can see this secret.</p>
      ) : (
        <>
          <div className="mt-4 flex items-center gap-3 text-sm">
            <code
              className="flex-1 truncate rounded bg-slate-50 px-2 py-1 font-mono text-xs"
              data-testid="inbox-signing-secret"
            >
              {shown ? current.secret : `${current.secret.slice(0, 8)}${"•".repeat(16)}`}
            </code>
            <Button variant="secondary" onClick={() => setShown((s) => !s)}>
              {shown ? "Hide" : "Reveal"}
            </Button>
            <CopyButton text={current.secret} label="Copy secret" />
          </div>
          <p className="mt-2 text-xs text-slate-500">
            Last rotated <LocalTime iso={current.rotatedAt} withRelative />.
          </p>
          {current.previous ? (
            <p
              role="status"
              className="mt-3 rounded-md bg-amber-50 p-3 text-sm text-amber-900"
              data-testid="inbox-previous-secret"
            >
              The previous secret ({current.previous.secret.slice(0, 8)}…) is still accepted until{" "}
              <LocalTime iso={current.previous.expiresAt} withRelative />, so user hashes made with
              it keep working while you deploy the new one.{" "}
              <Button
                variant="secondary"
                className="ml-1 px-2 py-1 text-xs"
                disabled={endPrevious.isPending}
                onClick={() => {
                  if (window.confirm("Stop accepting the previous secret now?")) {
                    endPrevious.mutate();
                  }
                }}
              >
                Stop accepting it now
              </Button>
            </p>
          ) : null}
          <div className="mt-4 flex flex-wrap gap-3">
            <Button
              variant="secondary"
              disabled={rotate.isPending}
              onClick={() => {
                if (
                  window.confirm(
                    "Rotate the inbox signing secret? The current one stays valid for 24 hours while you deploy the new one.",
                  )
                ) {
                  rotate.mutate(24);
                }
              }}
            >
              Rotate (old secret valid 24 h)
            </Button>
            <Button
              variant="secondary"
              disabled={rotate.isPending}
              onClick={() => {
                if (
                  window.confirm(
                    "Rotate now and stop accepting the current secret at once? Every user hash and inbox token made with it fails until your servers use the new one.",
                  )
                ) {
                  rotate.mutate(0);
                }
              }}
            >
              Rotate now (leaked secret)
            </Button>
          </div>
        </>
      )}
      {error ? (
        <p role="alert" className="mt-3 text-sm text-red-600">
          {error.message}
        </p>
      ) : null}
    </section>
  );
}
