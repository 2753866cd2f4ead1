// Scratch (not committed): Cue's ingest route handlers on node:http + embedded PostgreSQL.
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrate";
import { POST as batch } from "@/app/api/v1/batch/route";
import { POST as track } from "@/app/api/v1/track/route";
import { startRouteServer } from "@/test/fixtures/route-server";

const db = await startEmbeddedPostgres({ dataDir: "/tmp/cue-scratch/bench-data" });
process.env.DATABASE_URL = db.url;
await applyMigrations(db.url, { log: () => {} });
const { prisma } = await import("@/lib/db/client");
const ws = await prisma.workspace.create({ data: { name: "bench", apiKeys: { create: [{ kind: "write", key: `wk_bench_${Date.now()}` }] } }, include: { apiKeys: true } });
const server = await startRouteServer({ "/api/v1/batch": { POST: batch }, "/api/v1/track": { POST: track } });
console.log(JSON.stringify({ url: server.url, writeKey: ws.apiKeys[0]!.key, databaseUrl: db.url }));
process.on("SIGTERM", async () => { await server.close(); await prisma.$disconnect(); await db.stop(); process.exit(0); });
