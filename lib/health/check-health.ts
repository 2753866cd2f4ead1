import "server-only";
import { sql } from "@/lib/db/sql";
import packageJson from "@/package.json";

export interface Health {
  status: "ok" | "degraded";
  version: string;
  database: { status: "ok" | "unreachable"; latencyMs?: number; error?: string };
}

export async function checkHealth(): Promise<Health> {
  const started = performance.now();
  try {
    await sql.$queryRaw`SELECT 1`;
    const latencyMs = Math.round((performance.now() - started) * 10) / 10;
    return { status: "ok", version: packageJson.version, database: { status: "ok", latencyMs } };
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n")[0] : "unknown error";
    return {
      status: "degraded",
      version: packageJson.version,
      database: { status: "unreachable", error: message },
    };
  }
}
