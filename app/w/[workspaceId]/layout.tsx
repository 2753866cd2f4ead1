import Link from "next/link";
import type { ReactNode } from "react";
import { NavLinks } from "@/components/shell/nav-links";
import { NewSecretKeyNotice } from "@/components/shell/new-secret-key-notice";
import { NewWorkspaceForm } from "@/components/shell/new-workspace-form";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { ROLE_LABEL } from "@/lib/auth/roles";
import { listMemberWorkspaces } from "@/lib/workspaces/create-workspace";
import { requireMembership } from "@/lib/workspaces/get-membership";

export const dynamic = "force-dynamic";

export default async function WorkspaceLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ workspaceId: string }>;
}) {
  const { workspaceId } = await params;
  const { member, workspace, role } = await requireMembership(workspaceId);
  const workspaces = await listMemberWorkspaces(member.id);
  return (
    <div className="flex min-h-screen">
      <aside className="flex w-56 shrink-0 flex-col border-r border-slate-200 bg-white p-3">
        <Link href="/" className="px-3 py-2 text-lg font-semibold text-brand-600">
          Cue
        </Link>
        <div className="mb-4 px-3">
          <p className="truncate text-sm font-medium" title={workspace.name}>
            {workspace.name}
          </p>
          <p className="text-xs text-slate-500">{ROLE_LABEL[role]}</p>
          {workspaces.length > 1 ? (
            <details className="mt-1 text-xs">
              <summary className="cursor-pointer text-slate-500">Switch workspace</summary>
              <ul className="mt-1 space-y-1">
                {workspaces.map((m) => (
                  <li key={m.workspaceId}>
                    <Link
                      className="text-brand-600 hover:underline aria-[current=page]:font-semibold"
                      aria-current={m.workspaceId === workspace.id ? "page" : undefined}
                      href={`/w/${m.workspaceId}`}
                    >
                      {m.workspace.name}
                    </Link>
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
          {workspaces.some((m) => m.role === "owner") ? <NewWorkspaceForm /> : null}
        </div>
        <NavLinks workspaceId={workspace.id} />
        <div className="mt-auto border-t border-slate-200 pt-3">
          <p className="truncate px-3 text-xs text-slate-500" title={member.email}>
            {member.email}
          </p>
          <SignOutButton />
        </div>
      </aside>
      <main className="min-w-0 flex-1 p-8">
        <NewSecretKeyNotice workspaceId={workspace.id} />
        {children}
      </main>
    </div>
  );
}
