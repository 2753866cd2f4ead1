import "server-only";
import { sql } from "@/lib/db/sql";

// A claimed email is leased, not owned: its row holds the claim's leaseId
// and a short expiry in nextAttemptAt. While the worker works on it (waiting
// for its pacing slot, waiting for Resend) a heartbeat renews the expiry
// every LEASE_MS / 3. A worker that dies stops renewing, so its messages are
// due again within LEASE_MS and the next claim carries the same
// Idempotency-Key.

export const LEASE_MS = 15_000;
const HEARTBEAT_MS = LEASE_MS / 3;

export class LeaseKeeper {
  private readonly held = new Map<string, string>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly log: (line: string) => void = () => {}) {}

  get size(): number {
    return this.held.size;
  }

  hold(messageId: string, leaseId: string): void {
    this.held.set(messageId, leaseId);
    if (!this.timer) {
      this.timer = setInterval(() => void this.renew(), HEARTBEAT_MS);
      this.timer.unref();
    }
  }

  release(messageId: string): void {
    this.held.delete(messageId);
    if (this.held.size === 0 && this.timer) {
      clearInterval(this.timer);
      this.timer = null;
    }
  }

  async renew(): Promise<void> {
    if (this.held.size === 0) return;
    const ids = [...this.held.keys()];
    const leases = ids.map((id) => this.held.get(id) as string);
    try {
      await sql.$executeRaw`
        UPDATE messages m
        SET "nextAttemptAt" = (clock_timestamp() AT TIME ZONE 'UTC')::timestamp(3)
                              + make_interval(secs => ${LEASE_MS / 1000}::float8)
        FROM unnest(${ids}::text[], ${leases}::text[]) AS held(id, lease)
        WHERE m.id = held.id AND m."leaseId" = held.lease AND m.status = 'sending'`;
    } catch (error) {
      // The next beat tries again; a lease lost meanwhile is only a retry with the same key.
      this.log(`email: could not renew leases: ${error instanceof Error ? error.message : error}`);
    }
  }
}
