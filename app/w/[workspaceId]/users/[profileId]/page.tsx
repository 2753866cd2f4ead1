import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TabLinks } from "@/components/data/tab-links";
import { ApiError } from "@/lib/api/errors";
import { listMessages } from "@/lib/channels/list-messages";
import { listProfileRuns } from "@/lib/journeys/list-profile-runs";
import { getProfile } from "@/lib/profiles/get-profile";
import { listProfileEvents } from "@/lib/profiles/list-profile-events";
import { PROFILE_EVENTS_PAGE_SIZE } from "@/lib/profiles/profile-types";
import { requireProfileId } from "@/lib/profiles/require-profile-id";
import { toJson } from "@/lib/profiles/to-json";
import { requireMembership } from "@/lib/workspaces/get-membership";
import { ProfileFacts } from "./profile-facts";
import { ProfileJourneys } from "./profile-journeys";
import { ProfileMessages } from "./profile-messages";
import { PROFILE_RUNS_PAGE_SIZE } from "./profile-runs-page-size";
import { ProfileTimeline } from "./profile-timeline";

export const metadata: Metadata = { title: "User" };

const PROFILE_MESSAGES_PAGE_SIZE = 25;

const TABS = [
  { slug: "timeline", label: "Timeline" },
  { slug: "journeys", label: "Journeys" },
  { slug: "messages", label: "Messages" },
] as const;
type Tab = (typeof TABS)[number]["slug"];

export default async function ProfilePage({
  params,
  searchParams,
}: {
  params: Promise<{ workspaceId: string; profileId: string }>;
  searchParams: Promise<{ tab?: string }>;
}) {
  const { workspaceId, profileId: rawId } = await params;
  const { workspace } = await requireMembership(workspaceId);
  const profileId = await requireProfileId({ workspaceId: workspace.id, profileId: rawId }).catch(
    (error: unknown) => {
      if (error instanceof ApiError && error.code === "not_found") notFound();
      throw error;
    },
  );
  const requested = (await searchParams).tab;
  const tab: Tab = TABS.find((t) => t.slug === requested)?.slug ?? "timeline";
  const [profile, firstEvents, firstRuns, firstMessages] = await Promise.all([
    getProfile({ workspaceId: workspace.id, profileId }).then(toJson),
    tab === "timeline"
      ? listProfileEvents({
          workspaceId: workspace.id,
          profileId,
          query: { limit: PROFILE_EVENTS_PAGE_SIZE },
        }).then(toJson)
      : null,
    tab === "journeys"
      ? listProfileRuns({ workspaceId: workspace.id, profileId, limit: PROFILE_RUNS_PAGE_SIZE })
      : null,
    tab === "messages"
      ? listMessages({
          workspaceId: workspace.id,
          query: { profileId, limit: PROFILE_MESSAGES_PAGE_SIZE },
        })
      : null,
  ]);
  const traits = profile.traits as Record<string, unknown>;
  const title =
    (typeof traits.name === "string" && traits.name) ||
    profile.email ||
    profile.userId ||
    "Anonymous user";
  const base = `/w/${workspace.id}/users/${profile.id}`;
  const eventsUser = profile.userId ?? profile.identities[0]?.value;
  const messagesHref = `/w/${workspace.id}/messages?user=${encodeURIComponent(profile.userId ?? profile.id)}`;

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href={`/w/${workspace.id}/users`} className="text-brand-700 hover:underline">
          ← Users
        </Link>
      </nav>
      <header className="mb-6 flex items-start justify-between gap-4">
        <div className="min-w-0">
          <h1 className="truncate text-2xl font-semibold">{title}</h1>
          <p className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-600">
            {profile.userId ? (
              <span>
                userId <span className="font-mono text-xs text-slate-800">{profile.userId}</span>
              </span>
            ) : (
              <span>Anonymous — no userId yet</span>
            )}
            {profile.email && profile.email !== title ? <span>{profile.email}</span> : null}
          </p>
        </div>
        {eventsUser ? (
          <Link
            href={`/w/${workspace.id}/events?user=${encodeURIComponent(eventsUser)}`}
            className="shrink-0 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50"
          >
            Open in Events
          </Link>
        ) : null}
      </header>

      <div className="grid grid-cols-[minmax(0,1fr)_22rem] items-start gap-6">
        <div className="min-w-0">
          <TabLinks
            label="Profile views"
            tabs={TABS.map((t) => ({
              href: t.slug === "timeline" ? base : `${base}?tab=${t.slug}`,
              label: t.label,
              active: t.slug === tab,
            }))}
          />
          {tab === "timeline" && firstEvents ? (
            <ProfileTimeline
              workspaceId={workspace.id}
              profileId={profile.id}
              initialPage={firstEvents}
            />
          ) : tab === "journeys" && firstRuns ? (
            <ProfileJourneys
              workspaceId={workspace.id}
              profileId={profile.id}
              timeZone={profile.timezone ?? "UTC"}
              initialPage={firstRuns}
            />
          ) : tab === "messages" && firstMessages ? (
            <ProfileMessages
              workspaceId={workspace.id}
              messagesHref={messagesHref}
              messages={firstMessages.messages}
              more={firstMessages.nextCursor !== null}
            />
          ) : null}
        </div>
        <ProfileFacts profile={profile} />
      </div>
    </>
  );
}
