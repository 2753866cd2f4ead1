"use client";

import { CopyButton } from "@/components/data/copy-button";
import { LocalTime, useHydrated } from "@/components/data/local-time";
import { Button } from "@/components/ui/button";

export interface InviteRow {
  id: string;
  role: string;
  token: string;
  expiresAt: string;
  /** The link on Cue's public URL, when the server knows it (NEXTAUTH_URL). */
  url: string | null;
}

const ROLE_LABEL: Record<string, string> = { admin: "Admin", editor: "Editor", viewer: "Viewer" };

/**
 * The link an invite's token opens: the public URL, else the address this
 * page was opened at (known once hydrated; the path until then).
 */
function inviteUrl(invite: InviteRow, created: readonly string[], hydrated: boolean): string {
  const path = `/invite/${invite.token}`;
  const known = invite.url ?? created.find((url) => url.endsWith(path));
  if (known) return known;
  return hydrated ? new URL(path, window.location.origin).toString() : path;
}

/**
 * Open invite links, one row each: who it makes of the person who opens it,
 * until when, the link with a copy button, and Revoke. A revoked link is gone
 * from the list and no longer works.
 */
export function InviteLinks({
  invites,
  created,
  canRevoke,
  revoking,
  onRevoke,
}: {
  invites: InviteRow[];
  /** Links made on this page, answered by the server with their full URL. */
  created: readonly string[];
  canRevoke: boolean;
  revoking: boolean;
  onRevoke: (invite: InviteRow) => void;
}) {
  const hydrated = useHydrated();
  if (invites.length === 0) return null;
  return (
    <div className="mt-4 text-sm">
      <h3 className="font-medium">Open invite links</h3>
      <p className="text-xs text-slate-600">
        Each link works once and for 7 days. Send it to one person; they pick their own password.
      </p>
      <ul className="mt-2 divide-y divide-slate-100 rounded-md border border-slate-200">
        {invites.map((invite) => {
          const role = ROLE_LABEL[invite.role] ?? invite.role;
          const url = inviteUrl(invite, created, hydrated);
          return (
            <li key={invite.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2">
              <span className="font-medium">{role}</span>
              <span className="text-xs text-slate-600">
                expires <LocalTime iso={invite.expiresAt} style="date" />
              </span>
              <code
                data-testid="invite-link"
                className="min-w-0 flex-1 basis-64 truncate rounded bg-slate-100 px-2 py-1 text-xs"
                title={url}
              >
                {url}
              </code>
              <CopyButton text={url} label="Copy link" ariaLabel={`Copy link: ${role} invite`} />
              {canRevoke ? (
                <Button
                  variant="ghost"
                  className="px-2 py-1 text-xs text-red-700"
                  disabled={revoking}
                  aria-label={`Revoke ${role} invite`}
                  onClick={() => onRevoke(invite)}
                >
                  Revoke
                </Button>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
