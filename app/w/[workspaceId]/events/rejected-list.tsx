"use client";

import Link from "next/link";
import { Fragment, useId, useState } from "react";
import { JsonBlock } from "@/components/data/json-block";
import { LocalTime } from "@/components/data/local-time";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import type { RejectedPage } from "@/lib/events/list-rejected";
import { REJECTION_CODES } from "@/lib/ingest/types";
import { useRejectedQuery } from "./use-rejected-query";

// What each rejection code means, and how to fix the call.
const REASONS: Record<(typeof REJECTION_CODES)[number], string> = {
  invalid_item: "Not a JSON object",
  too_large: "Over the per-call size limit",
  too_deep: "Nested too deeply",
  invalid_string: "Text PostgreSQL cannot store (NUL or broken Unicode)",
  unknown_type: "type is not track, identify, page, screen, group or alias",
  missing_field: "A required field is missing",
  invalid_field: "A field has the wrong type or format",
  missing_identity: "Neither userId nor anonymousId",
  invalid_timestamp: "Unreadable, far-future or pre-2000 timestamp",
};

export function RejectedList({
  workspaceId,
  initialPage,
}: {
  workspaceId: string;
  initialPage: RejectedPage;
}) {
  const id = useId();
  const [code, setCode] = useState("");
  const query = useRejectedQuery({
    workspaceId,
    code,
    initialPage: code === "" ? initialPage : undefined,
  });
  const [open, setOpen] = useState<string | null>(null);
  const rows = query.data?.pages.flatMap((page) => page.rejected) ?? [];

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <p className="max-w-prose text-sm text-slate-600">
          Calls Cue refused, with the reason. The rest of their batch was stored; the sender got a
          200 listing these, so fix the code that sends them.
        </p>
        <div className="flex items-end gap-2">
          <div className="space-y-1">
            <label htmlFor={`${id}-code`} className="block text-sm font-medium text-slate-700">
              Reason
            </label>
            <select
              id={`${id}-code`}
              value={code}
              onChange={(event) => setCode(event.target.value)}
              className="rounded-md border border-slate-300 bg-white px-2 py-2 text-sm shadow-sm focus:border-brand-500"
            >
              <option value="">All reasons</option>
              {REJECTION_CODES.map((value) => (
                <option key={value} value={value}>
                  {value}
                </option>
              ))}
            </select>
          </div>
          <Button
            variant="secondary"
            onClick={() => void query.refetch()}
            disabled={query.isFetching}
          >
            {query.isFetching ? "Refreshing…" : "Refresh"}
          </Button>
        </div>
      </div>

      {query.error ? (
        <p role="alert" className="text-sm text-red-600">
          Could not load rejected calls: {query.error.message}
        </p>
      ) : null}

      {query.isPending ? (
        <p className="py-10 text-center text-sm text-slate-500">Loading…</p>
      ) : rows.length === 0 ? (
        <EmptyState
          title={code ? `No calls rejected for ${code}` : "Nothing rejected"}
          action={
            <Link
              href={`/w/${workspaceId}/events`}
              className="text-sm font-medium text-brand-700 hover:underline"
            >
              Back to the live view
            </Link>
          }
        >
          Every call received so far was valid. A call missing both userId and anonymousId, with an
          unreadable timestamp or the wrong field types would be listed here with the reason.
        </EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full table-fixed text-left text-sm">
            <caption className="sr-only">Rejected calls, newest first</caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-xs font-medium text-slate-500 uppercase">
              <tr>
                <th scope="col" className="w-36 px-4 py-2.5">
                  Received
                </th>
                <th scope="col" className="w-44 px-4 py-2.5">
                  Reason
                </th>
                <th scope="col" className="w-36 px-4 py-2.5">
                  Field
                </th>
                <th scope="col" className="px-4 py-2.5">
                  Message
                </th>
                <th scope="col" className="w-24 px-4 py-2.5">
                  <span className="sr-only">Payload</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const expanded = open === row.id;
                return (
                  <Fragment key={row.id}>
                    <tr className="border-t border-slate-100 hover:bg-slate-50">
                      <td className="px-4 py-2 align-top font-mono text-xs whitespace-nowrap text-slate-600 tabular-nums">
                        <LocalTime iso={row.receivedAt} style="short" />
                        <span className="block text-[11px] text-slate-400">
                          item #{row.batchIndex}
                        </span>
                      </td>
                      <td className="px-4 py-2 align-top">
                        <span
                          className="inline-block rounded bg-red-50 px-1.5 py-0.5 font-mono text-[11px] font-medium text-red-700 ring-1 ring-red-100 ring-inset"
                          title={REASONS[row.code as keyof typeof REASONS] ?? row.code}
                        >
                          {row.code}
                        </span>
                      </td>
                      <td className="truncate px-4 py-2 align-top font-mono text-xs text-slate-800">
                        {row.field ?? <span className="text-slate-400">(whole call)</span>}
                      </td>
                      <td className="px-4 py-2 align-top text-slate-800">{row.message}</td>
                      <td className="px-4 py-2 text-right align-top">
                        {row.payload !== null ? (
                          <button
                            type="button"
                            aria-expanded={expanded}
                            aria-controls={expanded ? `payload-${row.id}` : undefined}
                            aria-label={`${expanded ? "Hide" : "Show"} the payload of item #${row.batchIndex}`}
                            onClick={() => setOpen(expanded ? null : row.id)}
                            className="rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap text-brand-700 hover:bg-brand-50"
                          >
                            {expanded ? "Hide JSON" : "JSON"}
                          </button>
                        ) : (
                          <span className="text-xs text-slate-400">no payload</span>
                        )}
                      </td>
                    </tr>
                    {expanded ? (
                      <tr id={`payload-${row.id}`} className="bg-slate-50">
                        <td colSpan={5} className="px-4 pb-3">
                          <JsonBlock
                            value={row.payload}
                            label={`Payload of item #${row.batchIndex}`}
                          />
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      {rows.length > 0 && query.hasNextPage ? (
        <div className="flex justify-center">
          <Button
            variant="secondary"
            disabled={query.isFetchingNextPage}
            onClick={() => void query.fetchNextPage()}
          >
            {query.isFetchingNextPage ? "Loading…" : "Load older"}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
