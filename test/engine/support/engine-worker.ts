// A standalone engine worker for the crash-safety tests and the timer
// benchmark: the journey timers and email delivery on the shared worker loop,
// reporting on stdout how many runs each round stepped, so a test can tell
// which process did the work. Started as
//   tsx --import ./scripts/server-only-hook.mjs test/engine/support/engine-worker.ts
// with DATABASE_URL (and RESEND_BASE_URL for the fake Resend).
//   CUE_CLOCK_OFFSET_MS  run the clock ahead (a restarted worker reclaims leases at once)
//   CUE_TIMER_BATCH      runs per timer transaction (default 50)
//   CUE_TASKS            comma-separated task names (default: timers and email)
//   CUE_LISTEN=1         also LISTEN to cue_events and evaluate events at once
import { emailDeliveryTask } from "@/lib/channels/email/deliver-due-emails";
import { engineTasks } from "@/lib/engine/engine-tasks";
import { listenForEngineEvents } from "@/lib/engine/listen-engine-events";
import { startWorker, type WorkerTask } from "@/lib/worker/run-worker";

const offset = Number(process.env.CUE_CLOCK_OFFSET_MS ?? 0);
const clock = () => new Date(Date.now() + offset);
const wanted = (process.env.CUE_TASKS ?? "engine-timers,email").split(",");
const all: WorkerTask[] = [
  ...engineTasks({
    now: clock,
    timerBatchSize: Number(process.env.CUE_TIMER_BATCH ?? 50),
    log: (line) => console.error(line),
  }),
  emailDeliveryTask({ batchSize: 20 }),
];
const tasks = all
  .filter((task) => wanted.includes(task.name))
  .map((task) => ({
    ...task,
    async run(now: Date) {
      const n = await task.run(now);
      if (n > 0) process.stdout.write(`${task.name} ${n}\n`);
      return n;
    },
  }));

const worker = startWorker({
  tasks,
  clock,
  pollIntervalMs: 200,
  log: (line) => console.error(line),
});
const events =
  process.env.CUE_LISTEN === "1"
    ? listenForEngineEvents({ now: clock, log: (line) => console.error(line) })
    : null;
await Promise.all([worker.ready, events?.ready]);
process.stdout.write("ready\n");
process.on("SIGTERM", () => {
  void Promise.all([worker.stop(), events?.stop()]).then(() => process.exit(0));
});
