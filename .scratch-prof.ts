import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrate";
const db = await startEmbeddedPostgres({ dataDir: "/tmp/cue-scratch/prof-data" });
process.env.DATABASE_URL = db.url;
await applyMigrations(db.url, { log: () => {} });
const { prisma } = await import("@/lib/db/client");
const { ingestBatch } = await import("@/lib/ingest/ingest-batch");
const { normalizeMessage } = await import("@/lib/ingest/normalize-message");
const ws = await prisma.workspace.create({ data: { name: "p" } });
const mk = (j: number) => Array.from({ length: 100 }, (_, i) => ({ type: "track", userId: `u-${(j * 100 + i) % 2000}`, event: ["A","B","C","D"][i%4], messageId: `m-${j}-${i}`, timestamp: new Date().toISOString(), context: { library: { name: "x", version: "1" }, timezone: "Europe/Paris" }, properties: { sku: `sku-${i}`, price: i + 0.99, currency: "EUR", tags: ["a","b"] } }));
// create users
for (let j = 0; j < 20; j++) await ingestBatch({ workspaceId: ws.id, items: mk(j) });
(globalThis as any).T = { lookup: 0, write: 0, catalog: 0, n: 0 };
let t0 = performance.now();
for (let j = 20; j < 60; j++) await ingestBatch({ workspaceId: ws.id, items: mk(j) });
console.log("ingestBatch(100, known users) ms", ((performance.now() - t0) / 40).toFixed(1));
console.log((globalThis as any).T);
const items = mk(999);
t0 = performance.now();
for (let k = 0; k < 50; k++) items.forEach((it, i) => normalizeMessage(it, i, { receivedAt: new Date(), batchSentAt: null }));
console.log("normalize 100 ms", ((performance.now() - t0) / 50).toFixed(2));
// concurrency 8
t0 = performance.now();
let n = 60;
await Promise.all(Array.from({ length: 8 }, async () => { for (let k = 0; k < 10; k++) await ingestBatch({ workspaceId: ws.id, items: mk(n++) }); }));
console.log("8 concurrent: events/s", (8000 / ((performance.now() - t0) / 1000)).toFixed(0));
await prisma.$disconnect(); await db.stop();
