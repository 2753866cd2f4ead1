import type { Metadata } from "next";
import { AuthCard } from "@/components/auth/auth-card";
import { Button } from "@/components/ui/button";
import { describeUnsubscribe } from "@/lib/channels/unsubscribe-profile";
import {
  PREFERENCE_CHANNELS,
  preferenceField,
  preferencesForToken,
} from "@/lib/topics/preference-page";
import type { TopicPreferenceView } from "@/lib/topics/topic-view";

export const metadata: Metadata = { title: "Email preferences" };
export const dynamic = "force-dynamic";

// Public: reached from the link in every marketing email, no sign-in. Opening
// it changes nothing (link scanners open links); the buttons do. With the
// workspace's subscription topics it is a preference center: a checkbox per
// topic and channel (`?topic=` names the email's own topic), plus the global
// unsubscribe from all marketing email.
export default async function UnsubscribePage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<{ done?: string; saved?: string; topic?: string }>;
}) {
  const { token } = await params;
  const { done, saved, topic } = await searchParams;
  if (token === "preview") {
    return (
      <AuthCard title="Preview link">
        <p className="text-sm text-slate-600">
          This is the unsubscribe link of a preview or test email. In a real email it unsubscribes
          the recipient.
        </p>
      </AuthCard>
    );
  }
  const state = await describeUnsubscribe(token);
  if (!state) {
    return (
      <AuthCard title="Link not valid">
        <p className="text-sm text-slate-600">
          This unsubscribe link is not valid. Use the link from the most recent email, or reply to
          it and ask to be removed.
        </p>
      </AuthCard>
    );
  }
  if (done || state.unsubscribed) {
    return (
      <AuthCard title="You are unsubscribed">
        <p className="text-sm text-slate-600">
          {state.maskedEmail ?? "This address"} will no longer get marketing email from{" "}
          <strong>{state.workspaceName}</strong>. Receipts and other messages you ask for still
          arrive.
        </p>
      </AuthCard>
    );
  }
  const topics = (await preferencesForToken(token)) ?? [];
  const action = `/api/unsubscribe/${encodeURIComponent(token)}${topic ? `?topic=${encodeURIComponent(topic)}` : ""}`;
  const unsubscribeAll = (
    <form method="post" action={action}>
      <input type="hidden" name="from" value="page" />
      <Button
        type="submit"
        variant={topics.length > 0 ? "secondary" : undefined}
        className="w-full"
      >
        {topics.length > 0 ? "Unsubscribe from all marketing email" : "Unsubscribe"}
      </Button>
    </form>
  );
  if (topics.length === 0) {
    return (
      <AuthCard title="Unsubscribe">
        <p className="text-sm text-slate-600">
          Stop marketing email from <strong>{state.workspaceName}</strong> to{" "}
          {state.maskedEmail ?? "this address"}?
        </p>
        {unsubscribeAll}
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Email preferences">
      <p className="text-sm text-slate-600">
        Choose what <strong>{state.workspaceName}</strong> sends to{" "}
        {state.maskedEmail ?? "this address"}.
      </p>
      {saved && (
        <p role="status" className="rounded bg-green-50 px-3 py-2 text-sm text-green-800">
          Your preferences are saved.
        </p>
      )}
      <form method="post" action={action} className="space-y-3">
        <input type="hidden" name="from" value="page" />
        <input type="hidden" name="action" value="preferences" />
        <ul className="space-y-3">
          {topics.map((t) => (
            <TopicRow key={t.topic} topic={t} highlighted={t.topic === topic} />
          ))}
        </ul>
        <Button type="submit" className="w-full">
          Save preferences
        </Button>
      </form>
      {unsubscribeAll}
    </AuthCard>
  );
}

const CHANNEL_LABEL = { email: "Email", in_app: "In-app" } as const;

function TopicRow({ topic, highlighted }: { topic: TopicPreferenceView; highlighted: boolean }) {
  return (
    <li
      className={`rounded border p-3 ${highlighted ? "border-brand-500 bg-brand-50" : "border-slate-200"}`}
      data-topic={topic.topic}
    >
      {topic.unsubscribable && <input type="hidden" name="topics" value={topic.topic} />}
      <p className="text-sm font-medium">{topic.name}</p>
      {topic.description && <p className="text-xs text-slate-500">{topic.description}</p>}
      {highlighted && (
        <p className="text-xs text-slate-600">The email you came from is about this.</p>
      )}
      {topic.unsubscribable ? (
        <div className="mt-2 flex gap-4">
          {PREFERENCE_CHANNELS.map((channel) => (
            <label key={channel} className="flex items-center gap-1 text-sm">
              <input
                type="checkbox"
                name={preferenceField(topic.topic, channel)}
                defaultChecked={topic.channels[channel]}
                aria-label={`${topic.name}: ${CHANNEL_LABEL[channel]}`}
              />
              {CHANNEL_LABEL[channel]}
            </label>
          ))}
        </div>
      ) : (
        <p className="mt-1 text-xs text-slate-500">Always sent (needed for your account).</p>
      )}
    </li>
  );
}
