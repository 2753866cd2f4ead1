import "server-only";
import { resolveInboxProfileId } from "@/lib/inbox/authenticate-inbox-user";
import { getDemoWorkspaceId } from "@/lib/inbox/demo-inbox";
import { listProfileRuns } from "@/lib/journeys/list-profile-runs";

// What Cue did for the picked demo user, for /demo's side panel: the user's
// latest journey runs, each with its last decisions (the engine's own trace)
// and the messages it sent, so every "trigger a journey" button shows its
// effect on the page, including "not entered" and "held out".

const RUNS_SHOWN = 5;
const DECISIONS_SHOWN = 6;

export interface DemoRun {
  runId: string;
  journeyId: string;
  journey: string;
  status: string;
  holdout: boolean;
  enteredAt: string;
  /** When the next step runs (a delay, a wait's timeout, a deferred send). */
  wakeAt: string | null;
  decisions: { at: string; decision: string; reason: string }[];
  messages: { channel: "email" | "in_app"; subject: string | null; status: string }[];
}

export async function loadDemoActivity(userId: string): Promise<DemoRun[] | null> {
  const workspaceId = await getDemoWorkspaceId();
  if (!workspaceId) return null;
  const profileId = await resolveInboxProfileId(workspaceId, userId);
  if (!profileId) return null;
  const { runs } = await listProfileRuns({ workspaceId, profileId, limit: RUNS_SHOWN });
  return runs.map((run) => ({
    runId: run.id,
    journeyId: run.journey.id,
    journey: run.journey.name,
    status: run.status,
    holdout: run.holdout,
    enteredAt: run.enteredAt,
    wakeAt: run.status === "waiting" ? run.wakeAt : null,
    decisions: (run.trace ?? [])
      .slice(-DECISIONS_SHOWN)
      .map(({ at, decision, reason }) => ({ at, decision, reason })),
    messages: (run.messages ?? []).map(({ channel, subject, status }) => ({
      channel,
      subject,
      status,
    })),
  }));
}
