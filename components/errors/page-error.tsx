"use client";

import { type ReactNode, useEffect, useState } from "react";

// What a page shows when rendering it failed. It asks /api/health whether the
// database is the cause: during an outage it says so, checks again every few
// seconds and renders the page again once the database is back; otherwise it
// offers a retry and the error's digest (the id in the server's log).

const RECHECK_MS = 5_000;

type Cause = "checking" | "database" | "other";

export function PageError({
  error,
  retry,
}: {
  error: Error & { digest?: string };
  /** Next's `retry`: fetches the segment again and renders it (`reset` would not re-fetch). */
  retry: () => void;
}) {
  const [cause, setCause] = useState<Cause>("checking");
  useEffect(() => {
    let stopped = false;
    let sawOutage = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = async () => {
      const databaseDown = await fetch("/api/health", { cache: "no-store" })
        .then(async (response) => {
          const body = (await response.json()) as { database?: { status?: string } };
          return body.database?.status === "unreachable";
        })
        .catch(() => true); // the server itself is not answering: the same advice
      if (stopped) return;
      if (databaseDown) {
        sawOutage = true;
        setCause("database");
        timer = setTimeout(check, RECHECK_MS);
        return;
      }
      // Back after an outage: render the page again. Never the cause: show the error.
      if (sawOutage) retry();
      else setCause("other");
    };
    void check();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [retry]);

  if (cause === "database") {
    return (
      <Panel title="Cue can't reach its database right now">
        <p>
          Nothing you sent is lost: tracking calls are answered with 503 and retried by your
          libraries, and journeys carry on once the database is back. This page checks again every 5
          seconds and reloads by itself.
        </p>
      </Panel>
    );
  }
  return (
    <Panel title={cause === "checking" ? "Loading this page failed" : "Something went wrong"}>
      <p>
        This page could not be shown. Try again; if it keeps failing, the server's log says why.
      </p>
      {error.digest ? (
        <p className="mt-2 text-xs text-slate-500">
          Error reference: <code>{error.digest}</code>
        </p>
      ) : null}
      <button
        type="button"
        onClick={retry}
        className="mt-4 rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700"
      >
        Try again
      </button>
    </Panel>
  );
}

function Panel({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="mx-auto mt-16 max-w-lg rounded-lg border border-slate-200 bg-white p-8 text-sm text-slate-700">
      <h1 role="alert" className="text-base font-semibold text-slate-900">
        {title}
      </h1>
      <div className="mt-2">{children}</div>
    </main>
  );
}
