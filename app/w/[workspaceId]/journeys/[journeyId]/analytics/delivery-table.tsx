import { formatCount } from "@/components/analytics/format";
import type { JourneyAnalytics } from "@/lib/analytics/get-journey-analytics";

const COLUMNS = [
  ["sent", "Sent"],
  ["outbox", "Outbox"],
  ["delivered", "Delivered"],
  ["opened", "Opened"],
  ["clicked", "Clicked"],
  ["bounced", "Bounced"],
  ["unsubscribed", "Unsubscribed"],
  ["skipped", "Skipped"],
  ["failed", "Failed"],
] as const;

export function DeliveryTable({ messages }: { messages: JourneyAnalytics["messages"] }) {
  return (
    <section aria-labelledby="delivery-heading" className="space-y-2">
      <h2 id="delivery-heading" className="text-sm font-semibold text-slate-800">
        Delivery per message
      </h2>
      {messages.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-4 text-sm text-slate-600">
          No messages in this period. Sends appear here once profiles reach a send node (holdout
          runs send nothing).
        </p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 bg-slate-50 text-xs font-medium text-slate-500 uppercase">
              <tr>
                <th scope="col" className="px-3 py-2">
                  Message
                </th>
                {COLUMNS.map(([key, label]) => (
                  <th key={key} scope="col" className="px-3 py-2 text-right">
                    {label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {messages.map((m) => (
                <tr key={`${m.nodeId}-${m.channel}`}>
                  <th scope="row" className="px-3 py-2 font-medium">
                    {m.label}
                    <span className="ml-2 text-xs font-normal text-slate-500">
                      {m.channel === "email" ? "Email" : "In-app"}
                    </span>
                  </th>
                  {COLUMNS.map(([key]) => (
                    <td key={key} className="px-3 py-2 text-right tabular-nums">
                      {formatCount(m[key])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="text-xs text-slate-500">
        In-app: delivered = in the inbox, opened = read. Unsubscribed counts profiles whose last
        email before unsubscribing was this one.
      </p>
    </section>
  );
}
