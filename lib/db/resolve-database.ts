// Which PostgreSQL Cue uses: the operator's (DATABASE_URL) or an embedded one.
// Nothing global is set here; the caller exports the returned url as
// DATABASE_URL and calls stop() on shutdown (see lib/db/embedded.ts for the
// signal contract).
import { resolve } from "node:path";
import pg from "pg";
import { StartupError } from "@/lib/startup-error";
import { setDatabaseRecovery } from "./availability";

export interface ResolvedDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

const CONNECT_TIMEOUT_MS = 5_000;

export async function resolveDatabase(
  opts: {
    log?: (line: string, level?: "info" | "warn" | "error") => void;
    /** The embedded server died and could not be restarted (see embedded-postgres/supervise.ts). */
    onEmbeddedGaveUp?: (error: Error) => void;
  } = {},
): Promise<ResolvedDatabase> {
  const external = process.env.DATABASE_URL;
  if (external) {
    await assertReachable(external);
    return { url: external, embedded: false, stop: async () => {} };
  }
  // Imported lazily so an external database never loads embedded-postgres.
  const { startEmbeddedPostgres } = await import("./embedded");
  const dataDir = resolve(process.env.CUE_DATA_DIR ?? ".data");
  // What the outage log says Cue does about a lost database (availability.ts).
  setDatabaseRecovery(
    "Cue restarts the embedded PostgreSQL by itself (its own lines in this log say how it goes).",
  );
  const server = await startEmbeddedPostgres({
    dataDir,
    log: opts.log,
    supervise: { onGiveUp: opts.onEmbeddedGaveUp },
  });
  return { url: server.url, embedded: true, stop: server.stop };
}

// One connection up front turns "the app starts, then every request fails"
// into a single clear line. Messages name the host, never the password.
async function assertReachable(url: string): Promise<void> {
  // pg resolves anything else against a dummy base URL and reports host "base".
  if (!/^postgres(ql)?:\/\//i.test(url)) {
    throw new StartupError(
      "DATABASE_URL is not a PostgreSQL URL; expected postgresql://user:password@host:port/database.",
    );
  }
  let client: pg.Client;
  try {
    client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  } catch {
    throw new StartupError("DATABASE_URL is not a valid PostgreSQL connection string.");
  }
  const where = `${client.host}:${client.port}`;
  client.on("error", () => {}); // late socket errors after a failed connect
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    const reason = redact(shortReason(error), client.password);
    throw new StartupError(`Cannot reach the database at ${where} (DATABASE_URL): ${reason}`);
  } finally {
    await client.end().catch(() => {});
  }
}

function shortReason(error: unknown): string {
  const reasons: Record<string, string> = {
    ECONNREFUSED: "connection refused",
    ENOTFOUND: "host not found",
    EAI_AGAIN: "host name lookup failed",
    ETIMEDOUT: "connection timed out",
    EHOSTUNREACH: "host unreachable",
    ENETUNREACH: "network unreachable",
    ECONNRESET: "connection reset",
  };
  const code = error && typeof error === "object" && "code" in error ? String(error.code) : "";
  if (reasons[code]) return reasons[code];
  const message = error instanceof Error ? error.message : String(error);
  if (/timeout/i.test(message)) return `no answer within ${CONNECT_TIMEOUT_MS / 1000} s`;
  return message.split("\n")[0].trim() || code || "unknown error";
}

// Defence in depth: pg's messages don't echo the password, but never risk it.
// Whole-token match, so a one-letter password doesn't mangle the message.
function redact(text: string, password: unknown): string {
  if (typeof password !== "string" || password.length === 0) return text;
  const escaped = password.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return text.replace(new RegExp(`(?<!\\w)${escaped}(?!\\w)`, "g"), "***");
}
