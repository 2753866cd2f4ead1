import { afterEach, describe, expect, it } from "vitest";
import { eventMaintenanceTask } from "@/lib/events/event-maintenance-task";
import { listEventPartitions } from "@/lib/events/event-partitions";

const WEEK = 7 * 86_400_000;

describe("the worker's event-partitions task", () => {
  afterEach(() => {
    delete process.env.CUE_EVENT_RETENTION_DAYS;
  });

  it("makes the coming weeks and drops the expired ones at its first round, then waits an hour", async () => {
    process.env.CUE_EVENT_RETENTION_DAYS = "14";
    const lines: string[] = [];
    // Eight weeks from now, as if no worker had run since.
    let now = new Date(Date.now() + 8 * WEEK);
    const task = eventMaintenanceTask({ log: (line) => lines.push(line), now: () => now });

    expect(await task.run(now)).toBe(0);
    expect(lines).toEqual([
      expect.stringMatching(/^Made \d+ weekly partition\(s\) of events\.$/),
      expect.stringMatching(/^Retention \(14 days\): dropped events_before, events_p\d{8}/),
    ]);
    const partitions = await listEventPartitions();
    // Contiguous, from two to three weeks back to four weeks ahead of "now".
    for (let i = 1; i < partitions.length; i++)
      expect(partitions[i].from).toEqual(partitions[i - 1].to);
    const first = partitions[0].from as Date;
    expect(now.getTime() - first.getTime()).toBeGreaterThan(14 * 86_400_000);
    expect(now.getTime() - first.getTime()).toBeLessThanOrEqual(21 * 86_400_000);
    const last = partitions[partitions.length - 1].to as Date;
    expect(last.getTime()).toBeGreaterThan(now.getTime() + 4 * WEEK);

    // Within the hour: nothing. An hour later: nothing new to make or drop.
    now = new Date(now.getTime() + 60_000);
    expect(await task.run(now)).toBe(0);
    now = new Date(now.getTime() + 3_600_000);
    expect(await task.run(now)).toBe(0);
    expect(lines).toHaveLength(2);
  });
});
