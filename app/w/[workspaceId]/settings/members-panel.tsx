"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { fetchJson } from "@/lib/query/fetch-json";

interface MemberRow {
  id: string;
  email: string;
  name: string | null;
  role: string;
  joinedAt: string;
}

interface InviteRow {
  id: string;
  role: string;
  token: string;
  expiresAt: string;
}

export function MembersPanel({
  workspaceId,
  members,
  invites,
  canInvite,
}: {
  workspaceId: string;
  members: MemberRow[];
  invites: InviteRow[];
  canInvite: boolean;
}) {
  const [role, setRole] = useState("editor");
  const [links, setLinks] = useState<string[]>([]);
  const invite = useMutation({
    mutationFn: () =>
      fetchJson<{ url: string }>(`/api/w/${workspaceId}/invites`, {
        method: "POST",
        body: JSON.stringify({ role }),
      }),
    onSuccess: ({ url }) => setLinks((l) => [url, ...l]),
  });

  return (
    <section
      aria-labelledby="members-heading"
      className="rounded-lg border border-slate-200 bg-white p-6"
    >
      <h2 id="members-heading" className="text-lg font-semibold">
        Members
      </h2>
      <table className="mt-3 w-full text-left text-sm">
        <thead className="text-slate-500">
          <tr>
            <th className="py-1 font-medium">Email</th>
            <th className="py-1 font-medium">Name</th>
            <th className="py-1 font-medium">Role</th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.id} className="border-t border-slate-100">
              <td className="py-2">{m.email}</td>
              <td className="py-2">{m.name ?? "—"}</td>
              <td className="py-2 capitalize">{m.role}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="mt-6 flex items-end gap-3">
        <div>
          <label htmlFor="invite-role" className="block text-sm font-medium text-slate-700">
            Invite with role
          </label>
          <select
            id="invite-role"
            value={role}
            disabled={!canInvite}
            onChange={(e) => setRole(e.target.value)}
            className="mt-1 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
          >
            <option value="admin">Admin</option>
            <option value="editor">Editor</option>
            <option value="viewer">Viewer</option>
          </select>
        </div>
        <Button disabled={!canInvite || invite.isPending} onClick={() => invite.mutate()}>
          Create invite link
        </Button>
      </div>
      {!canInvite ? (
        <p className="mt-2 text-xs text-slate-500">Only admins and owners can invite members.</p>
      ) : null}
      {invite.error ? (
        <p role="alert" className="mt-2 text-sm text-red-600">
          {invite.error.message}
        </p>
      ) : null}
      {links.length > 0 || invites.length > 0 ? (
        <div className="mt-4 space-y-1 text-sm">
          <p className="font-medium">Open invite links (valid 7 days, one use each)</p>
          {links.map((url) => (
            <code
              key={url}
              data-testid="invite-link"
              className="block break-all rounded bg-slate-100 px-2 py-1 text-xs"
            >
              {url}
            </code>
          ))}
          {invites.map((i) => (
            <p key={i.id} className="text-xs text-slate-600">
              {i.role} invite, expires {i.expiresAt.slice(0, 10)}
            </p>
          ))}
        </div>
      ) : null}
    </section>
  );
}
