import { AuthCard } from "@/components/auth/auth-card";
import { SignOutButton } from "@/components/shell/sign-out-button";

export default function NoWorkspacePage() {
  return (
    <AuthCard title="No workspace yet">
      <p className="text-sm text-slate-600">
        Your account is not a member of any workspace. Ask a workspace admin for an invite link.
      </p>
      <SignOutButton />
    </AuthCard>
  );
}
