import type { Metadata } from "next";
import { AuthCard } from "@/components/auth/auth-card";
import { Button } from "@/components/ui/button";
import { describeUnsubscribe } from "@/lib/channels/unsubscribe-profile";

export const metadata: Metadata = { title: "Unsubscribe" };
export const dynamic = "force-dynamic";

// Public: reached from the link in every marketing email, no sign-in. Opening
// it changes nothing (link scanners open links); the button does.
export default async function UnsubscribePage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<{ done?: string }>;
}) {
  const { token } = await params;
  const { done } = await searchParams;
  if (token === "preview") {
    return (
      <AuthCard title="Preview link">
        <p className="text-sm text-slate-600">
          This is the unsubscribe link of a preview or test email. In a real email it unsubscribes
          the recipient.
        </p>
      </AuthCard>
    );
  }
  const state = await describeUnsubscribe(token);
  if (!state) {
    return (
      <AuthCard title="Link not valid">
        <p className="text-sm text-slate-600">
          This unsubscribe link is not valid. Use the link from the most recent email, or reply to
          it and ask to be removed.
        </p>
      </AuthCard>
    );
  }
  if (done || state.unsubscribed) {
    return (
      <AuthCard title="You are unsubscribed">
        <p className="text-sm text-slate-600">
          {state.maskedEmail ?? "This address"} will no longer get marketing email from{" "}
          <strong>{state.workspaceName}</strong>. Receipts and other messages you ask for still
          arrive.
        </p>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Unsubscribe">
      <p className="text-sm text-slate-600">
        Stop marketing email from <strong>{state.workspaceName}</strong> to{" "}
        {state.maskedEmail ?? "this address"}?
      </p>
      <form method="post" action={`/api/unsubscribe/${encodeURIComponent(token)}`}>
        <input type="hidden" name="from" value="page" />
        <Button type="submit" className="w-full">
          Unsubscribe
        </Button>
      </form>
    </AuthCard>
  );
}
