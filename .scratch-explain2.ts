import pg from "pg";
import { Prisma } from "@/lib/generated/prisma/client";
const url = process.env.DATABASE_URL!;
const { writeEvents } = await import("@/lib/ingest/insert-events");
const { normalizeMessage } = await import("@/lib/ingest/normalize-message");
const c = new pg.Client({ connectionString: url }); await c.connect();
const ws = (await c.query("select id from workspaces limit 1")).rows[0].id;
const profiles = (await c.query(`select i.value, i."profileId" from profile_identities i where i."workspaceId" = $1 and kind='userId' limit 5000`, [ws])).rows;
let seq = 0;
const totals: Record<string, number[]> = {};
for (let k = 0; k < 8; k++) {
  const items = Array.from({ length: 100 }, (_, i) => { const p = profiles[(seq * 37 + i * 101) % profiles.length]; return { type: "track", userId: p.value, event: ["A","B","C","D"][i % 4], messageId: `ex-${Date.now()}-${seq++}`, timestamp: new Date().toISOString(), context: { library: { name: "x", version: "1" }, timezone: "Europe/Paris" }, properties: { sku: `sku-${i}`, price: i + 0.99, currency: "EUR", tags: ["a", "b"] } }; });
  const messages = items.map((it, i) => { const r = normalizeMessage(it, i, { receivedAt: new Date(), batchSentAt: null }); if (!r.ok) throw new Error("bad"); return r.message; });
  const profileOf = new Map(messages.map((m) => [m.index, profiles.find((p) => p.value === m.userId)!.profileId as string]));
  let q: Prisma.Sql | undefined;
  const fake = { $queryRaw: (s: TemplateStringsArray, ...v: unknown[]) => { q = Prisma.sql(s, ...v); return Promise.resolve([]); } } as any;
  await writeEvents(fake, { workspaceId: ws, receivedAt: new Date(), messages, rejections: [], evaluate: true, profileOf });
  let text = q!.text;
  if (process.env.NOEXISTS) text = text.replace(/FROM src\s+ORDER BY "messageId"\s+ON CONFLICT \("workspaceId", "messageId"\) DO NOTHING/, `FROM src WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e."workspaceId" = src_ws.ws AND e."messageId" = src."messageId") ORDER BY "messageId"`).replace("WITH src AS MATERIALIZED", "WITH src_ws AS (SELECT '" + ws + "'::text AS ws), src AS MATERIALIZED").replace(/FROM src WHERE NOT EXISTS/, "FROM src, src_ws WHERE NOT EXISTS");
  const r = await c.query("EXPLAIN (ANALYZE, FORMAT JSON) " + text, q!.values as any[]);
  const plan = r.rows[0]["QUERY PLAN"][0];
  (totals.planning ??= []).push(plan["Planning Time"]);
  (totals.execution ??= []).push(plan["Execution Time"]);
  for (const sub of plan.Plan.Plans ?? []) {
    const name = sub["Subplan Name"] ?? sub["Node Type"];
    (totals[name] ??= []).push(sub["Actual Total Time"]);
  }
}
const med = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
for (const [k, v] of Object.entries(totals)) console.log(k.padEnd(28), med(v).toFixed(2));
// ceiling-style insert of the same rows
await c.query(`CREATE TABLE IF NOT EXISTS scratch_ceiling (LIKE events INCLUDING ALL)`);
const times: number[] = [];
for (let k = 0; k < 8; k++) {
  const cols = ["workspaceId","profileId","messageId","type","name","userId","anonymousId","properties","traits","context","extra","timestamp","sentAt","receivedAt"];
  const vals: unknown[] = []; const rows: string[] = [];
  for (let i = 0; i < 100; i++) { const now = new Date().toISOString(); const row = [ws, profiles[i].profileId, `c-${Date.now()}-${k}-${i}`, "track", "A", profiles[i].value, null, JSON.stringify({ sku: `sku-${i}`, price: i + 0.99, currency: "EUR", tags: ["a","b"] }), null, JSON.stringify({ library: { name: "x", version: "1" }, timezone: "Europe/Paris" }), null, now, now, now]; rows.push(`(${row.map((_, j) => `$${vals.length + j + 1}`).join(",")})`); vals.push(...row); }
  const r = await c.query(`EXPLAIN (ANALYZE, FORMAT JSON) INSERT INTO scratch_ceiling (${cols.map((x) => `"${x}"`).join(",")}) VALUES ${rows.join(",")} ${process.env.OC ? 'ON CONFLICT ("workspaceId", "messageId") DO NOTHING' : ''}`, vals);
  times.push(r.rows[0]["QUERY PLAN"][0]["Execution Time"] + r.rows[0]["QUERY PLAN"][0]["Planning Time"]);
}
console.log("ceiling insert (plan+exec)".padEnd(28), med(times).toFixed(2));
await c.query(`DROP TABLE scratch_ceiling`);
await c.end();
