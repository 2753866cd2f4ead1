import "server-only";
import { databaseAvailability, reportDatabaseError } from "@/lib/db/availability";
import { databaseUnavailableReason } from "@/lib/db/postgres-errors";
import { sql } from "@/lib/db/sql";
import packageJson from "@/package.json";

export interface Health {
  status: "ok" | "degraded";
  version: string;
  database: {
    status: "ok" | "unreachable";
    latencyMs?: number;
    /** Why it is unreachable, naming the error (never empty). */
    error?: string;
    /** When this process first saw it unreachable (ISO), during an outage. */
    since?: string;
  };
}

export async function checkHealth(): Promise<Health> {
  const started = performance.now();
  try {
    await sql.$queryRaw`SELECT 1`;
    const latencyMs = Math.round((performance.now() - started) * 10) / 10;
    return { status: "ok", version: packageJson.version, database: { status: "ok", latencyMs } };
  } catch (error) {
    reportDatabaseError(error);
    const outage = databaseAvailability();
    return {
      status: "degraded",
      version: packageJson.version,
      database: {
        status: "unreachable",
        error: nameError(error),
        ...(outage.since ? { since: new Date(outage.since).toISOString() } : {}),
      },
    };
  }
}

function nameError(error: unknown): string {
  const reason = databaseUnavailableReason(error);
  if (reason) return reason;
  if (error instanceof Error) {
    const line = error.message.split("\n")[0].trim();
    const code = (error as { code?: unknown }).code;
    if (line) return typeof code === "string" ? `${line} (${code})` : line;
    if (typeof code === "string") return code;
    return error.name || "unknown error";
  }
  return String(error) || "unknown error";
}
