import { redirect } from "next/navigation";
import { getCurrentMember } from "@/lib/auth/session";
import { listMemberWorkspaces } from "@/lib/workspaces/create-workspace";
import { isSetupNeeded } from "@/lib/workspaces/setup-owner";

export const dynamic = "force-dynamic";

// Entry point: first-run setup, sign-in, or the home page (activation) of the member's first workspace.
export default async function Home() {
  if (await isSetupNeeded()) redirect("/setup");
  const member = await getCurrentMember();
  if (!member) redirect("/sign-in");
  const [first] = await listMemberWorkspaces(member.id);
  if (!first) redirect("/no-workspace");
  redirect(`/w/${first.workspaceId}`);
}
