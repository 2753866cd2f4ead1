// bench:soak's load: an open loop at a steady rate, one tick every 100 ms.
// Each tick sends one POST /api/v1/batch with its share of the mix
// (identifies, events no journey hears, in-app and timer triggers), one
// POST /api/v1/track per email trigger (as an app's server would), and a few
// GET /api/v1/inbox reads as the drop-in script makes. Nothing waits for an
// answer before the next tick, so a slow server meets the same load.
import { computeUserHash } from "@/lib/inbox/inbox-token";
import { postJson, request } from "./engine-helpers";

export const SOAK_EVENTS = {
  email: "Soak Email",
  inapp: "Soak Ping",
  timer: "Soak Signup",
  other: "Soak Page Viewed",
} as const;

export interface LoadPlan {
  base: string;
  writeKey: string;
  /** The workspace's inbox signing secret: each user's user_hash. */
  inboxSecret: string;
  users: string[];
  /** Events per second in all (the email triggers included). */
  rate: number;
  /** Email triggers per second. */
  emailRate: number;
  /** GET /api/v1/inbox per second. */
  inboxRate: number;
}

export interface LoadStats {
  events: number;
  requests: number;
  failed: number;
  firstFailure: string;
  /** Numbers of the email triggers answered 2xx. */
  acceptedEmails: number[];
  batchLatenciesMs: number[];
  inflight: number;
}

const TICK_MS = 100;

export function startLoad(plan: LoadPlan): { stats: LoadStats; stop(): Promise<void> } {
  const stats: LoadStats = {
    events: 0,
    requests: 0,
    failed: 0,
    firstFailure: "",
    acceptedEmails: [],
    batchLatenciesMs: [],
    inflight: 0,
  };
  const auth = { authorization: `Basic ${Buffer.from(`${plan.writeKey}:`).toString("base64")}` };
  const pending = new Set<Promise<void>>();
  const owed = { email: 0, inbox: 0, other: 0 };
  let n = 0;
  let u = 0;
  const nextUser = () => plan.users[u++ % plan.users.length] as string;

  const track = (work: () => Promise<{ status: number; text: string }>, onOk: () => void) => {
    stats.requests++;
    stats.inflight++;
    const p = work()
      .then((answer) => {
        if (answer.status >= 200 && answer.status < 300) onOk();
        else throw new Error(`HTTP ${answer.status} ${answer.text.slice(0, 200)}`);
      })
      .catch((error: unknown) => {
        stats.failed++;
        stats.firstFailure ||= error instanceof Error ? error.message : String(error);
      })
      .finally(() => {
        stats.inflight--;
        pending.delete(p);
      });
    pending.add(p);
  };

  const tick = () => {
    const seconds = TICK_MS / 1000;
    owed.email += plan.emailRate * seconds;
    owed.inbox += plan.inboxRate * seconds;
    owed.other += Math.max(0, plan.rate - plan.emailRate) * seconds;
    const items: Record<string, unknown>[] = [];
    for (; owed.other >= 1; owed.other--) {
      const userId = nextUser();
      const k = n++;
      const pick = k % 100;
      if (pick < 10) {
        items.push({ type: "identify", userId, traits: { plan: "soak", visits: k } });
      } else {
        // 5% in-app, 2% a timer journey, the rest nobody listens to.
        const event =
          pick < 15 ? SOAK_EVENTS.inapp : pick < 17 ? SOAK_EVENTS.timer : SOAK_EVENTS.other;
        items.push({ type: "track", userId, event, properties: { n: k }, messageId: `soak-${k}` });
      }
    }
    if (items.length > 0) {
      const started = performance.now();
      track(
        () => postJson(`${plan.base}/api/v1/batch`, auth, { batch: items }),
        () => {
          stats.events += items.length;
          stats.batchLatenciesMs.push(performance.now() - started);
        },
      );
    }
    for (; owed.email >= 1; owed.email--) {
      const k = n++;
      const body = {
        userId: nextUser(),
        event: SOAK_EVENTS.email,
        properties: { n: k },
        messageId: `soak-${k}`,
      };
      track(
        () => postJson(`${plan.base}/api/v1/track`, auth, body),
        () => {
          stats.events++;
          stats.acceptedEmails.push(k);
        },
      );
    }
    for (; owed.inbox >= 1; owed.inbox--) {
      const userId = nextUser();
      track(
        async () => {
          const response = await request(`${plan.base}/api/v1/inbox`, {
            headers: {
              "x-cue-write-key": plan.writeKey,
              "x-cue-user-id": userId,
              "x-cue-user-hash": computeUserHash(plan.inboxSecret, userId),
            },
          });
          return { status: response.status, text: await response.text() };
        },
        () => {},
      );
    }
  };

  // Scheduled against the start time, so a late tick does not slow the rate.
  const t0 = performance.now();
  let ticks = 0;
  let timer: NodeJS.Timeout | null = null;
  const loop = () => {
    tick();
    ticks++;
    timer = setTimeout(loop, Math.max(0, t0 + ticks * TICK_MS - performance.now()));
  };
  loop();
  return {
    stats,
    async stop() {
      if (timer) clearTimeout(timer);
      await Promise.all([...pending]);
    },
  };
}
