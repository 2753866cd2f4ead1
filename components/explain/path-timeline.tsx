"use client";

import { LocalTime, TimesInText } from "@/components/data/local-time";
import { RenderedPreview } from "@/components/message-editor/rendered-preview";
import type {
  PathMessage,
  PathOutcome,
  PathRun,
  PathStep,
  PathWebhook,
} from "@/lib/explain/explain-types";

// A walked path as a vertical timeline: each decision of the engine with its
// reason, and each message, rendered for the user, right under the step that
// sent it.

const TONE: Record<string, string> = {
  sent: "bg-emerald-100 text-emerald-800",
  passed: "bg-emerald-50 text-emerald-700",
  entered: "bg-brand-50 text-brand-700",
  event_received: "bg-emerald-50 text-emerald-700",
  goal_reached: "bg-emerald-100 text-emerald-800",
  branch: "bg-sky-50 text-sky-800",
  split: "bg-sky-50 text-sky-800",
  waiting: "bg-amber-50 text-amber-800",
  deferred: "bg-amber-50 text-amber-800",
  timed_out: "bg-amber-50 text-amber-800",
  holdout: "bg-violet-50 text-violet-800",
  filtered: "bg-red-50 text-red-700",
  skipped: "bg-red-50 text-red-700",
  failed: "bg-red-50 text-red-700",
  limit_reached: "bg-red-50 text-red-700",
  exited: "bg-slate-100 text-slate-700",
  webhook_queued: "bg-sky-50 text-sky-800",
  webhook_succeeded: "bg-emerald-100 text-emerald-800",
  webhook_failed: "bg-red-50 text-red-700",
  profile_updated: "bg-emerald-50 text-emerald-700",
};

export function DecisionBadge({ decision }: { decision: string }) {
  return (
    <span
      className={`inline-block rounded px-1.5 py-0.5 text-xs font-medium ${TONE[decision] ?? "bg-slate-100 text-slate-700"}`}
    >
      {decision.replace("_", " ")}
    </span>
  );
}

export function outcomeText(outcome: PathOutcome): string {
  switch (outcome.kind) {
    case "converted":
      return "Converted: reached the journey's goal.";
    case "waiting":
      return outcome.until
        ? `Waiting at “${outcome.label}”.`
        : `Waiting at “${outcome.label}”${outcome.reason ? ` (${outcome.reason})` : ""}.`;
    case "completed":
      return "Completed the journey.";
    case "filtered":
      return `Filtered out: ${outcome.reason}`;
    case "exited":
      return `Left the journey: ${outcome.reason}`;
    case "not_entered":
      return `Never entered: ${outcome.reason}`;
    default: {
      const unknown: never = outcome;
      return String(unknown);
    }
  }
}

export function OutcomeBox({ outcome }: { outcome: PathOutcome }) {
  const good = outcome.kind === "converted" || outcome.kind === "completed";
  return (
    <div
      role="status"
      data-testid="path-outcome"
      className={`rounded-md border px-3 py-2 text-sm ${
        good
          ? "border-emerald-200 bg-emerald-50 text-emerald-900"
          : "border-amber-200 bg-amber-50 text-amber-900"
      }`}
    >
      {outcomeText(outcome)}
      {outcome.kind === "waiting" && outcome.until ? (
        <>
          {" "}
          Until <LocalTime iso={outcome.until} withRelative timeZone={outcome.timeZone} />.
        </>
      ) : null}
    </div>
  );
}

function MessageCard({ message }: { message: PathMessage }) {
  return (
    <div
      className="mt-2 rounded-md border border-slate-200 bg-white p-3"
      data-testid="path-message"
    >
      <p className="mb-2 text-xs font-medium text-slate-500">
        {/^(Email|In-app):/.test(message.label)
          ? message.label
          : `${message.channel === "email" ? "Email" : "In-app"}: ${message.label}`}
      </p>
      {message.rendered ? (
        <RenderedPreview rendered={message.rendered} />
      ) : (
        <p role="alert" className="text-sm text-red-700">
          Does not render with this user’s data: {message.error?.message}
        </p>
      )}
    </div>
  );
}

/** A webhook step's exact request (never sent in a preview; secrets masked). */
function WebhookCard({ webhook }: { webhook: PathWebhook }) {
  return (
    <div
      className="mt-2 rounded-md border border-slate-200 bg-white p-3"
      data-testid="path-webhook"
    >
      <p className="mb-2 text-xs font-medium text-slate-500">
        Webhook request (not sent in a preview; assumed to succeed)
      </p>
      <pre className="overflow-x-auto text-xs whitespace-pre-wrap text-slate-800">
        {`${webhook.method} ${webhook.url}\n`}
        {webhook.headers.map((h) => `${h.name}: ${h.value}`).join("\n")}
        {webhook.body ? `\n\n${webhook.body}` : ""}
      </pre>
      {webhook.error ? (
        <p role="alert" className="text-sm text-red-700">
          {webhook.error}
        </p>
      ) : null}
    </div>
  );
}

function StepItem({
  step,
  messages,
  webhooks = [],
}: {
  step: PathStep;
  messages: PathMessage[];
  webhooks?: PathWebhook[];
}) {
  return (
    <li className="relative pl-5" data-testid="path-step">
      <span
        aria-hidden
        className="absolute top-1.5 -left-[5px] h-2.5 w-2.5 rounded-full border-2 border-white bg-slate-400"
      />
      <div className="flex flex-wrap items-baseline gap-x-2 gap-y-1 text-sm">
        <LocalTime
          iso={step.at}
          style="short"
          timeZone={step.timeZone}
          className="font-mono text-xs text-slate-500"
        />
        <span className="font-medium text-slate-900">{step.label}</span>
        <DecisionBadge decision={step.decision} />
      </div>
      <p className="mt-0.5 text-sm text-slate-600">
        <TimesInText text={step.reason} timeZone={step.timeZone} />
      </p>
      {messages.map((m) => (
        <MessageCard key={`${m.nodeId}-${m.at}`} message={m} />
      ))}
      {webhooks.map((w) => (
        <WebhookCard key={`${w.nodeId}-${w.at}`} webhook={w} />
      ))}
    </li>
  );
}

/** One run: trigger, steps (messages inline), outcome. */
export function PathTimeline({ run, title }: { run: PathRun; title?: string }) {
  const shown = new Set<PathMessage>();
  const messagesFor = (step: PathStep) => {
    if (step.decision !== "sent") return [];
    const found = run.messages.filter(
      (m) => !shown.has(m) && m.nodeId === step.nodeId && m.at === step.at,
    );
    for (const m of found) shown.add(m);
    return found;
  };
  return (
    <section aria-label={title ?? "Path"} className="space-y-3">
      {title ? <h3 className="text-sm font-semibold text-slate-900">{title}</h3> : null}
      {run.holdout ? (
        <p className="text-sm text-violet-800">In the holdout group: this run sends nothing.</p>
      ) : null}
      <ol className="space-y-3 border-l border-slate-200">
        {run.steps.map((step) => (
          <StepItem
            key={`${step.nodeId}-${step.at}-${step.decision}`}
            step={step}
            messages={messagesFor(step)}
            webhooks={
              step.decision === "webhook_queued"
                ? (run.webhooks ?? []).filter((w) => w.nodeId === step.nodeId && w.at === step.at)
                : []
            }
          />
        ))}
      </ol>
      <OutcomeBox outcome={run.outcome} />
    </section>
  );
}
