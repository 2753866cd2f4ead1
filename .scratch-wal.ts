import pg from "pg";
import { Prisma } from "@/lib/generated/prisma/client";
const url = process.env.DATABASE_URL!;
const { writeEvents } = await import("@/lib/ingest/insert-events");
const { normalizeMessage } = await import("@/lib/ingest/normalize-message");
const c = new pg.Client({ connectionString: url }); await c.connect();
const ws = (await c.query("select id from workspaces limit 1")).rows[0].id;
const profiles = (await c.query(`select i.value, i."profileId" from profile_identities i where i."workspaceId" = $1 and kind='userId' limit 5000`, [ws])).rows;
let seq = 0;
async function variant(label: string, opts: { evaluate: boolean; lock: boolean; n: number }) {
  let wal = 0, ms = 0;
  const iters = 15;
  for (let k = 0; k < iters; k++) {
    const items = Array.from({ length: opts.n }, (_, i) => { const p = profiles[(seq * 37 + i * 101) % profiles.length]; return { type: "track", userId: p.value, event: ["A","B","C","D"][i % 4], messageId: `wal-${Date.now()}-${seq++}`, timestamp: new Date().toISOString(), context: { library: { name: "x", version: "1" }, timezone: "Europe/Paris" }, properties: { sku: `sku-${i}`, price: i + 0.99, currency: "EUR", tags: ["a", "b"] } }; });
    const messages = items.map((it, i) => { const r = normalizeMessage(it, i, { receivedAt: new Date(), batchSentAt: null }); if (!r.ok) throw new Error("bad"); return r.message; });
    const profileOf = new Map(messages.map((m) => [m.index, profiles.find((p) => p.value === m.userId)!.profileId as string]));
    let q: Prisma.Sql | undefined;
    const fake = { $queryRaw: (s: TemplateStringsArray, ...v: unknown[]) => { q = Prisma.sql(s, ...v); return Promise.resolve([]); } } as any;
    await writeEvents(fake, { workspaceId: ws, receivedAt: new Date(), messages, rejections: [], evaluate: opts.evaluate, profileOf });
    let text = q!.text;
    if (!opts.lock) text = text.replace(/ORDER BY id\s+FOR UPDATE/, "ORDER BY id");
    const before = (await c.query("select pg_current_wal_insert_lsn() l")).rows[0].l;
    const t0 = performance.now();
    await c.query(text, q!.values as any[]);
    ms += performance.now() - t0;
    const after = (await c.query("select pg_wal_lsn_diff(pg_current_wal_insert_lsn(), $1) d", [before])).rows[0].d;
    wal += Number(after);
  }
  console.log(label.padEnd(28), "WAL/event", Math.round(wal / iters / opts.n), "B; ms/batch", (ms / iters).toFixed(1));
}
for (const round of [1, 2]) {
  await variant("full (lock+inbox)", { evaluate: true, lock: true, n: 100 });
  await variant("no inbox", { evaluate: false, lock: true, n: 100 });
  await variant("no lock", { evaluate: true, lock: false, n: 100 });
  await variant("no lock, no inbox", { evaluate: false, lock: false, n: 100 });
}
// raw ceiling-style insert of same shape
await c.end();
