const TONE: Record<string, string> = {
  outbox: "bg-amber-100 text-amber-900",
  queued: "bg-slate-100 text-slate-700",
  sending: "bg-slate-100 text-slate-700",
  sent: "bg-emerald-50 text-emerald-800",
  delivered: "bg-emerald-100 text-emerald-900",
  opened: "bg-emerald-100 text-emerald-900",
  clicked: "bg-emerald-100 text-emerald-900",
  seen: "bg-sky-100 text-sky-900",
  read: "bg-emerald-100 text-emerald-900",
  archived: "bg-slate-100 text-slate-700",
  delivery_delayed: "bg-amber-50 text-amber-800",
  bounced: "bg-red-100 text-red-800",
  complained: "bg-red-100 text-red-800",
  failed: "bg-red-100 text-red-800",
  skipped: "bg-slate-200 text-slate-700",
  retry: "bg-amber-50 text-amber-800",
  rate_limited: "bg-amber-50 text-amber-800",
  unbatched: "bg-amber-50 text-amber-800",
  redriven: "bg-sky-100 text-sky-900",
};

/** A message status; Outbox messages say plainly that they were not sent. */
export function StatusBadge({ status }: { status: string }) {
  return (
    <span
      className={`inline-block rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ${TONE[status] ?? TONE.queued}`}
    >
      {status === "outbox" ? "Outbox · not sent" : status.replace("_", " ")}
    </span>
  );
}

export const CHANNEL_LABEL: Record<string, string> = { email: "Email", in_app: "In-app" };
