import pg from "pg";
const c = new pg.Client({ connectionString: process.env.DATABASE_URL }); await c.connect();
const ws = (await c.query("select id from workspaces limit 1")).rows[0].id;
for (let k = 0; k < 5; k++) {
  const vals = Array.from({ length: 20 }, () => `bench-user-${Math.floor(Math.random() * 5000)}`);
  const kinds = vals.map(() => "userId");
  const r = await c.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT TEXT) SELECT i.kind::text AS kind, i.value, i."profileId"::text AS "profileId", p."userId" AS "profileUserId" FROM unnest($1::"IdentityKind"[], $2::text[]) AS wanted(kind, value) JOIN profile_identities i ON i."workspaceId" = $3 AND i.kind = wanted.kind AND i.value = wanted.value JOIN profiles p ON p.id = i."profileId" AND p."workspaceId" = $3 ORDER BY p.id`, [kinds, vals, ws]);
  if (k === 4) console.log(r.rows.map((x: any) => x["QUERY PLAN"]).join("\n"));
  else console.log(r.rows.slice(-1)[0]["QUERY PLAN"]);
}
await c.end();
