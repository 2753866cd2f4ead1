import pg from "pg";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { Prisma } from "@/lib/generated/prisma/client";
const db = await startEmbeddedPostgres({ dataDir: "/tmp/cue-scratch/prof-data" });
process.env.DATABASE_URL = db.url;
const { prisma } = await import("@/lib/db/client");
const { writeEvents } = await import("@/lib/ingest/insert-events");
const { lookupIdentities } = await import("@/lib/ingest/lookup-identities");
const { normalizeMessage } = await import("@/lib/ingest/normalize-message");
const { planIdentities } = await import("@/lib/ingest/plan-identities");
const ws = (await prisma.workspace.findFirstOrThrow({ where: { name: "p" } })).id;
const j = Date.now();
const items = Array.from({ length: Number(process.env.N ?? 100) }, (_, i) => ({ type: "track", userId: `u-${(i * 7) % 2000}`, event: ["A","B","C","D"][i%4], messageId: `x-${j}-${i}`, timestamp: new Date().toISOString(), context: { library: { name: "x", version: "1" }, timezone: "Europe/Paris" }, properties: { sku: `sku-${i}`, price: i + 0.99, currency: "EUR", tags: ["a","b"] } }));
const messages = items.map((it, i) => { const r = normalizeMessage(it, i, { receivedAt: new Date(), batchSentAt: null }); if (!r.ok) throw 1; return r.message; });
const captured: Prisma.Sql[] = [];
const fake = { $queryRaw: (strings: TemplateStringsArray, ...values: unknown[]) => { captured.push(Prisma.sql(strings, ...values)); return Promise.resolve([]); } } as any;
await lookupIdentities(fake, ws, messages, { lock: false });
const existing = await lookupIdentities(prisma, ws, messages, { lock: false });
const plan = planIdentities(messages, existing);
await writeEvents(fake, { workspaceId: ws, receivedAt: new Date(), messages, rejections: [], evaluate: true, profileOf: plan.profileOf });
const c = new pg.Client({ connectionString: db.url }); await c.connect(); await c.query("ANALYZE");
for (const q of [...captured, ...captured, ...captured]) {
  await c.query("BEGIN");
  const r = await c.query("EXPLAIN (ANALYZE, BUFFERS, TIMING) " + q.text, q.values as any[]);
  console.log(r.rows.map((x: any) => x["QUERY PLAN"]).join("\n"));
  await c.query("ROLLBACK");
  console.log("-----");
}
await c.end(); await prisma.$disconnect(); await db.stop();
