import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { getCurrentMember } from "@/lib/auth/session";
import { isSetupNeeded } from "@/lib/workspaces/setup-owner";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string }>;
}) {
  if (await isSetupNeeded()) redirect("/setup");
  if (await getCurrentMember()) redirect("/");
  const { callbackUrl } = await searchParams;
  return (
    <AuthCard title="Sign in to your workspace">
      <SignInForm callbackUrl={safeCallback(callbackUrl)} />
    </AuthCard>
  );
}

/** Only same-site paths; never an open redirect. */
function safeCallback(url: string | undefined): string {
  return url?.startsWith("/") && !url.startsWith("//") ? url : "/";
}
