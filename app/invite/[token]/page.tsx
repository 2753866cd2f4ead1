import type { Metadata } from "next";
import { AuthCard } from "@/components/auth/auth-card";
import { getCurrentMember } from "@/lib/auth/session";
import { findOpenInvite } from "@/lib/workspaces/invites";
import { AcceptInviteForm } from "./accept-invite-form";

export const metadata: Metadata = { title: "Join a workspace" };
export const dynamic = "force-dynamic";

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invite = await findOpenInvite(token);
  if (!invite) {
    return (
      <AuthCard title="Invite not valid">
        <p className="text-sm text-slate-600">
          This invite link is invalid, already used, or expired. Ask for a new one.
        </p>
      </AuthCard>
    );
  }
  const member = await getCurrentMember();
  return (
    <AuthCard title={`Join ${invite.workspace.name}`}>
      <p className="text-sm text-slate-600">
        You are invited as <strong>{invite.role}</strong>.
      </p>
      <AcceptInviteForm token={token} signedInAs={member?.email ?? null} />
    </AuthCard>
  );
}
