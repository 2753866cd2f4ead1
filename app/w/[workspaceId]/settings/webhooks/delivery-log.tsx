"use client";

import { LocalTime } from "@/components/data/local-time";
import { Button } from "@/components/ui/button";
import { useDeliveries, useWebhookMutations } from "./use-webhooks";

const STATUS_STYLE: Record<string, string> = {
  succeeded: "bg-green-100 text-green-800",
  pending: "bg-amber-100 text-amber-900",
  failed: "bg-red-100 text-red-800",
};

/** The endpoint's last deliveries, each with its attempts and a Replay button. */
export function DeliveryLog({
  workspaceId,
  endpointId,
  canReplay,
}: {
  workspaceId: string;
  endpointId: string;
  canReplay: boolean;
}) {
  const query = useDeliveries(workspaceId, endpointId);
  const { replay } = useWebhookMutations(workspaceId);
  if (query.isLoading) return <p className="mt-4 text-sm text-slate-500">Loading deliveries…</p>;
  if (query.error) {
    return (
      <p role="alert" className="mt-4 text-sm text-red-600">
        {query.error.message}
      </p>
    );
  }
  const deliveries = query.data?.deliveries ?? [];
  if (deliveries.length === 0) {
    return (
      <p className="mt-4 text-sm text-slate-600">
        No deliveries yet. Send a test event, or wait for a subscribed event to happen.
      </p>
    );
  }
  return (
    <div className="mt-4 overflow-x-auto">
      <table aria-label="Delivery log" className="w-full text-left text-sm">
        <thead className="text-xs uppercase text-slate-500">
          <tr>
            <th className="py-1 pr-3">Event</th>
            <th className="py-1 pr-3">Status</th>
            <th className="py-1 pr-3">Attempts</th>
            <th className="py-1 pr-3">Last answer</th>
            <th className="py-1 pr-3">Created (UTC)</th>
            <th className="py-1" />
          </tr>
        </thead>
        <tbody>
          {deliveries.map((d) => {
            const last = d.attemptLog.at(-1);
            return (
              <tr key={d.id} className="border-t border-slate-100 align-top">
                <td className="py-2 pr-3">
                  <span className="font-mono text-xs">{d.eventType}</span>
                  <details className="mt-1">
                    <summary className="cursor-pointer text-xs text-slate-500">{d.id}</summary>
                    <pre className="mt-1 max-w-md overflow-x-auto rounded bg-slate-50 p-2 text-xs">
                      {JSON.stringify(d.payload, null, 2)}
                    </pre>
                    <ul className="mt-1 space-y-0.5 text-xs text-slate-600">
                      {d.attemptLog.map((a) => (
                        <li key={a.at + a.trigger}>
                          <LocalTime iso={a.at} style="short" /> · {a.statusCode ?? "no answer"} ·{" "}
                          {a.durationMs} ms{a.trigger !== "scheduled" ? ` · ${a.trigger}` : ""}
                          {a.error ? ` · ${a.error}` : ""}
                          {a.response ? ` · “${a.response.slice(0, 120)}”` : ""}
                        </li>
                      ))}
                    </ul>
                  </details>
                </td>
                <td className="py-2 pr-3">
                  <span
                    className={`rounded-full px-2 py-0.5 text-xs font-medium ${STATUS_STYLE[d.status] ?? ""}`}
                  >
                    {d.status}
                  </span>
                  {d.nextAttemptAt ? (
                    <p className="mt-1 text-xs text-slate-500">
                      next try <LocalTime iso={d.nextAttemptAt} style="time" withRelative />
                    </p>
                  ) : null}
                </td>
                <td className="py-2 pr-3">{d.attempts}</td>
                <td className="py-2 pr-3 text-xs">
                  {last ? (last.statusCode ?? last.error ?? "no answer") : "—"}
                </td>
                <td className="py-2 pr-3 text-xs">
                  <LocalTime iso={d.createdAt} style="short" />
                </td>
                <td className="py-2">
                  {canReplay && d.status !== "pending" ? (
                    <Button
                      variant="secondary"
                      className="px-2 py-1 text-xs"
                      disabled={replay.isPending}
                      onClick={() => replay.mutate({ id: endpointId, deliveryId: d.id })}
                    >
                      Replay
                    </Button>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {replay.error ? (
        <p role="alert" className="mt-2 text-sm text-red-600">
          {replay.error.message}
        </p>
      ) : null}
    </div>
  );
}
