"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { fetchJson } from "@/lib/query/fetch-json";
import { InviteLinks, type InviteRow } from "./invite-links";

interface MemberRow {
  id: string;
  email: string;
  name: string | null;
  role: string;
  joinedAt: string;
}

export function MembersPanel({
  workspaceId,
  members,
  invites,
  canInvite,
  currentMemberId,
  currentRole,
}: {
  workspaceId: string;
  members: MemberRow[];
  invites: InviteRow[];
  canInvite: boolean;
  currentMemberId: string;
  currentRole: string;
}) {
  const router = useRouter();
  const [role, setRole] = useState("editor");
  // Role changes, removals and revocations answer from the server; the page's
  // server-rendered lists are then refreshed.
  const change = useMutation({
    mutationFn: (input: { memberId: string; role: string }) =>
      fetchJson(`/api/w/${workspaceId}/members/${input.memberId}`, {
        method: "PATCH",
        body: JSON.stringify({ role: input.role }),
      }),
    onSettled: () => router.refresh(),
  });
  const remove = useMutation({
    mutationFn: (memberId: string) =>
      fetchJson(`/api/w/${workspaceId}/members/${memberId}`, { method: "DELETE" }),
    onSuccess: (_data, memberId) => {
      if (memberId === currentMemberId) router.push("/");
    },
    onSettled: () => router.refresh(),
  });
  const revoke = useMutation({
    mutationFn: (invite: InviteRow) =>
      fetchJson(`/api/w/${workspaceId}/invites/${invite.id}`, { method: "DELETE" }),
    onSuccess: (_data, invite) => {
      setNotice(`The ${invite.role} invite link was revoked; it no longer works.`);
    },
    onSettled: () => router.refresh(),
  });
  const isOwner = currentRole === "owner";
  const manageError = change.error ?? remove.error ?? revoke.error;
  const [links, setLinks] = useState<string[]>([]);
  const [notice, setNotice] = useState("");
  const invite = useMutation({
    mutationFn: () =>
      fetchJson<{ url: string; role: string }>(`/api/w/${workspaceId}/invites`, {
        method: "POST",
        body: JSON.stringify({ role }),
      }),
    onSuccess: ({ url, role: made }) => {
      setLinks((l) => [url, ...l]);
      setNotice(`New ${made} invite link created below. Copy it and send it to one person.`);
    },
    // The new link joins the open invites below, where it can be copied or revoked.
    onSettled: () => router.refresh(),
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
            <th className="py-1 font-medium">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.id} className="border-t border-slate-100">
              <td className="py-2">{m.email}</td>
              <td className="py-2">{m.name ?? "—"}</td>
              <td className="py-2">
                {canInvite && (isOwner || m.role !== "owner") ? (
                  <select
                    aria-label={`Role of ${m.email}`}
                    value={m.role}
                    disabled={change.isPending}
                    onChange={(e) => change.mutate({ memberId: m.id, role: e.target.value })}
                    className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
                  >
                    {isOwner ? <option value="owner">Owner</option> : null}
                    <option value="admin">Admin</option>
                    <option value="editor">Editor</option>
                    <option value="viewer">Viewer</option>
                  </select>
                ) : (
                  <span className="capitalize">{m.role}</span>
                )}
              </td>
              <td className="py-2 text-right">
                {m.id === currentMemberId || (canInvite && (isOwner || m.role !== "owner")) ? (
                  <Button
                    variant="ghost"
                    disabled={remove.isPending}
                    onClick={() => {
                      const question =
                        m.id === currentMemberId
                          ? "Leave this workspace? You will lose access to it."
                          : `Remove ${m.email} from this workspace?`;
                      if (window.confirm(question)) remove.mutate(m.id);
                    }}
                  >
                    {m.id === currentMemberId ? "Leave" : "Remove"}
                  </Button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {manageError ? (
        <p role="alert" className="mt-2 text-sm text-red-600">
          {manageError.message}
        </p>
      ) : null}
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
      <p role="status" className="mt-2 text-sm text-slate-700">
        {notice}
      </p>
      <InviteLinks
        invites={invites}
        created={links}
        canRevoke={canInvite}
        revoking={revoke.isPending}
        onRevoke={(row) => revoke.mutate(row)}
      />
    </section>
  );
}
