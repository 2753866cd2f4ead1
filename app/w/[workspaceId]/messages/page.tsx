import type { Metadata } from "next";
import Link from "next/link";
import { TabLinks } from "@/components/data/tab-links";
import { PageHeader } from "@/components/shell/page-header";
import { listMessages, listMessagesQuerySchema } from "@/lib/channels/list-messages";
import { MessageStatus } from "@/lib/generated/prisma/enums";
import { findProfileIdByReference } from "@/lib/profiles/find-profile";
import { requireMembership } from "@/lib/workspaces/get-membership";
import { FailedMessages } from "./failed-messages";
import { MessagesTable } from "./messages-table";

export const metadata: Metadata = { title: "Messages" };

type Search = Record<string, string | string[] | undefined>;
const one = (value: string | string[] | undefined) =>
  (Array.isArray(value) ? value[0] : value) ?? "";
const SELECT = "h-9 rounded-md border border-slate-300 bg-white px-2 text-sm shadow-sm";

export default async function MessagesPage({
  params,
  searchParams,
}: {
  params: Promise<{ workspaceId: string }>;
  searchParams: Promise<Search>;
}) {
  const { workspaceId } = await params;
  const { workspace, role } = await requireMembership(workspaceId);
  const search = await searchParams;
  const outbox = one(search.tab) === "outbox";
  const failed = one(search.tab) === "failed";
  const filters = {
    status: outbox ? "outbox" : failed ? "failed" : one(search.status),
    channel: failed ? "email" : one(search.channel),
    // Whatever the member knows the user by; `profileId` is the older links' name.
    user: (one(search.user) || one(search.profileId)).trim(),
    cursor: one(search.cursor),
  };
  const profileId = filters.user
    ? await findProfileIdByReference({ workspaceId: workspace.id, reference: filters.user })
    : null;
  const unknownUser = Boolean(filters.user) && !profileId;
  const { status, channel, cursor } = filters;
  const parsed = listMessagesQuerySchema.safeParse(
    Object.fromEntries(
      Object.entries({ status, channel, cursor, profileId: profileId ?? "" }).filter(
        ([, v]) => v !== "",
      ),
    ),
  );
  const page =
    parsed.success && !unknownUser
      ? await listMessages({ workspaceId: workspace.id, query: parsed.data })
      : null;
  const base = `/w/${workspaceId}/messages`;
  const keep = (extra: Record<string, string>) => {
    const qs = new URLSearchParams(
      Object.entries({ ...filters, tab: outbox ? "outbox" : "", cursor: "", ...extra }).filter(
        ([k, v]) => v !== "" && !(outbox && k === "status"),
      ),
    );
    return qs.size ? `${base}?${qs}` : base;
  };
  const filtered = Boolean(filters.channel || filters.user || (!outbox && filters.status));

  return (
    <>
      <PageHeader
        title="Messages"
        description="Every email and in-app message Cue has sent or tried to send."
        actions={
          <Link
            href={`${base}/templates`}
            className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700"
          >
            Templates
          </Link>
        }
      />
      <TabLinks
        label="Message views"
        tabs={[
          { href: base, label: "All", active: !outbox && !failed },
          { href: `${base}?tab=outbox`, label: "Outbox (not sent)", active: outbox },
          { href: `${base}?tab=failed`, label: "Failed", active: failed },
        ]}
      />
      {failed ? (
        <>
          {page ? (
            <FailedMessages
              workspaceId={workspaceId}
              messages={page.messages}
              canEdit={role !== "viewer"}
            />
          ) : null}
          {page?.nextCursor ? (
            <nav aria-label="Pages" className="mt-4 flex justify-end text-sm">
              <Link
                href={`${base}?tab=failed&cursor=${encodeURIComponent(page.nextCursor)}`}
                className="rounded-md border border-slate-300 bg-white px-3 py-1.5"
              >
                Older →
              </Link>
            </nav>
          ) : null}
        </>
      ) : (
        <>
          {outbox ? (
            <p className="mb-4 rounded-md bg-amber-50 p-3 text-sm text-amber-900">
              No Resend API key is set, so these emails were rendered and kept here instead. They
              were <strong>not sent</strong> to anyone. Add a key in Settings to send for real.
            </p>
          ) : null}
          <form method="get" className="mb-4 flex flex-wrap items-end gap-3">
            {outbox ? <input type="hidden" name="tab" value="outbox" /> : null}
            {outbox ? null : (
              <label className="space-y-1 text-sm font-medium text-slate-700">
                <span className="block">Status</span>
                <select name="status" defaultValue={filters.status} className={SELECT}>
                  <option value="">Any</option>
                  {Object.values(MessageStatus).map((s) => (
                    <option key={s} value={s}>
                      {s === "outbox" ? "outbox (not sent)" : s.replace("_", " ")}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <label className="space-y-1 text-sm font-medium text-slate-700">
              <span className="block">Channel</span>
              <select name="channel" defaultValue={filters.channel} className={SELECT}>
                <option value="">Any</option>
                <option value="email">Email</option>
                <option value="in_app">In-app</option>
              </select>
            </label>
            <label className="min-w-72 space-y-1 text-sm font-medium text-slate-700">
              <span className="block">User</span>
              <input
                name="user"
                defaultValue={filters.user}
                placeholder="Email or user id"
                aria-invalid={unknownUser || undefined}
                className="block h-9 w-full rounded-md border border-slate-300 bg-white px-3 text-sm font-normal shadow-sm aria-invalid:border-red-500"
              />
            </label>
            <button
              type="submit"
              className="h-9 rounded-md border border-slate-300 bg-white px-3 text-sm font-medium hover:bg-slate-50"
            >
              Apply filters
            </button>
            {filtered ? (
              <Link
                href={keep({ status: "", channel: "", user: "" })}
                className="h-9 px-2 py-2 text-sm text-slate-600 hover:underline"
              >
                Clear filters
              </Link>
            ) : null}
          </form>
          {unknownUser ? (
            <p role="alert" className="mb-4 text-sm text-red-600">
              No user in this workspace has the email or user id “{filters.user}”. Check the
              spelling, or find them under Users.
            </p>
          ) : !parsed.success ? (
            <p role="alert" className="mb-4 text-sm text-red-600">
              These filters are not valid; clear them and try again.
            </p>
          ) : null}
          {page ? (
            <MessagesTable
              workspaceId={workspaceId}
              messages={page.messages}
              outbox={outbox}
              filtered={filtered}
              clearHref={keep({ status: "", channel: "", user: "" })}
            />
          ) : null}
          {page?.nextCursor ? (
            <nav aria-label="Pages" className="mt-4 flex justify-end gap-2 text-sm">
              {filters.cursor ? (
                <Link
                  href={keep({})}
                  className="rounded-md border border-slate-300 bg-white px-3 py-1.5"
                >
                  ← Newest
                </Link>
              ) : null}
              <Link
                href={keep({ cursor: page.nextCursor })}
                className="rounded-md border border-slate-300 bg-white px-3 py-1.5"
              >
                Older →
              </Link>
            </nav>
          ) : null}
        </>
      )}
    </>
  );
}
