import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { isSetupNeeded } from "@/lib/workspaces/setup-owner";
import { SetupForm } from "./setup-form";

export const metadata: Metadata = { title: "Set up Cue" };
export const dynamic = "force-dynamic";

export default async function SetupPage() {
  if (!(await isSetupNeeded())) redirect("/sign-in");
  return (
    <AuthCard title="Create the owner account">
      <p className="text-sm text-slate-600">
        This is a new Cue. The first account owns the first workspace and can invite others.
      </p>
      <SetupForm />
    </AuthCard>
  );
}
