import { beforeAll, describe, expect, it } from "vitest";
import { emailDeliveryTask } from "@/lib/channels/email/deliver-due-emails";
import { prisma } from "@/lib/db/client";
import { notifyWorkers, startWorker, type WorkerTask } from "@/lib/worker/run-worker";
import { deliveredMessageId, deliveryKey, fakeResendForFile } from "@/test/fakes/fake-resend";
import {
  createChannelWorkspace,
  createProfile,
  emailContent,
  enqueue,
} from "@/test/fixtures/channels";

// The generic loop: woken by NOTIFY cue_wake, otherwise sleeping until the
// next due item or the poll interval; safe to run several at once.

let ws: string;
const fake = fakeResendForFile();

beforeAll(async () => {
  ws = (await createChannelWorkspace({ name: "Worker" })).workspaceId;
});

const queue = async () => {
  const profile = await createProfile(ws);
  return (await enqueue({ workspaceId: ws, profileId: profile.id, content: emailContent() }))
    .messageId;
};
const statusOf = async (id: string) =>
  (await prisma.message.findUniqueOrThrow({ where: { id } })).status;

describe("startWorker", () => {
  it("wakes on NOTIFY at once, long before the poll interval", async () => {
    const worker = startWorker({ tasks: [emailDeliveryTask()], pollIntervalMs: 60_000 });
    await worker.ready;
    try {
      await new Promise((resolve) => setTimeout(resolve, 200)); // let the first round find nothing and sleep
      const started = Date.now();
      const id = await queue();
      await expect.poll(() => statusOf(id), { timeout: 5_000, interval: 50 }).toBe("sent");
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await worker.stop();
    }
  });

  it("sleeps until the next retry is due, without a NOTIFY", async () => {
    fake.reset();
    fake.failNext(1, 429, { retryAfter: "1" });
    const worker = startWorker({ tasks: [emailDeliveryTask()], pollIntervalMs: 60_000 });
    await worker.ready;
    try {
      const id = await queue();
      // First attempt answered 429 and recorded as rate-limited, then nothing until it is due.
      await expect
        .poll(
          async () => prisma.messageEvent.count({ where: { messageId: id, type: "rate_limited" } }),
          {
            timeout: 5_000,
            interval: 20,
          },
        )
        .toBe(1);
      expect(await statusOf(id)).toBe("queued");
      expect(fake.requests).toHaveLength(1);
      await expect.poll(() => statusOf(id), { timeout: 5_000, interval: 100 }).toBe("sent");
      expect(fake.requests.map((r) => r.status)).toEqual([429, 200]);
    } finally {
      await worker.stop();
    }
  });

  it("several workers together send each message exactly once", async () => {
    fake.reset();
    const workers = [1, 2, 3].map(() =>
      startWorker({ tasks: [emailDeliveryTask({ batchSize: 2 })], pollIntervalMs: 200 }),
    );
    await Promise.all(workers.map((w) => w.ready));
    try {
      const ids = await Promise.all(Array.from({ length: 10 }, () => queue()));
      await expect
        .poll(async () => prisma.message.count({ where: { id: { in: ids }, status: "sent" } }), {
          timeout: 10_000,
          interval: 100,
        })
        .toBe(10);
      // Singles and batches alike: each message delivered once, under a key used once.
      const ours = fake.deliveries.filter((d) => ids.includes(deliveredMessageId(d) ?? ""));
      expect(ours).toHaveLength(10);
      expect(new Set(ours.map(deliveredMessageId)).size).toBe(10);
      expect(new Set(ours.map(deliveryKey)).size).toBe(10);
      expect(new Set(fake.requests.map((r) => r.idempotencyKey)).size).toBe(fake.requests.length);
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
    }
  });

  it("survives a failing task and keeps running the others; stop() ends the loop", async () => {
    let failingRuns = 0;
    let healthyRuns = 0;
    const lines: string[] = [];
    const failing: WorkerTask = {
      name: "failing",
      run: async () => {
        failingRuns++;
        throw new Error("database restarting");
      },
    };
    const healthy: WorkerTask = {
      name: "healthy",
      run: async () => {
        healthyRuns++;
        return 0;
      },
    };
    const worker = startWorker({
      tasks: [failing, healthy],
      pollIntervalMs: 20,
      log: (l) => lines.push(l),
    });
    await worker.ready;
    await expect.poll(() => healthyRuns, { timeout: 2_000 }).toBeGreaterThan(2);
    await worker.stop();
    const after = healthyRuns;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(healthyRuns).toBe(after);
    expect(failingRuns).toBeGreaterThan(2);
    expect(lines.some((l) => l.includes("task failing failed: database restarting"))).toBe(true);
  });

  it("a task returning >0 runs again at once; notifyWorkers wakes a sleeping loop", async () => {
    let backlog = 3;
    let runs = 0;
    const task: WorkerTask = {
      name: "backlog",
      run: async () => {
        runs++;
        if (backlog === 0) return 0;
        backlog--;
        return 1;
      },
    };
    const worker = startWorker({ tasks: [task], pollIntervalMs: 60_000 });
    await worker.ready;
    try {
      await expect.poll(() => backlog, { timeout: 2_000 }).toBe(0);
      await new Promise((resolve) => setTimeout(resolve, 100));
      const settled = runs;
      backlog = 1;
      await notifyWorkers(prisma, "backlog");
      await expect.poll(() => runs, { timeout: 2_000 }).toBeGreaterThan(settled);
      expect(backlog).toBe(0);
    } finally {
      await worker.stop();
    }
  });
});
