import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  checkDataAccess,
  checkPrimaryOnly,
  rawDbFunctions,
  type SourceFile,
  type Violation,
} from "./data-access-rule";

// lib/db/README.md's rule over the whole tree, and the checker on snippets
// that break it (so a check that finds nothing is known to be able to).

const root = path.resolve(import.meta.dirname, "../..");

function sources(dir: string): SourceFile[] {
  const out: SourceFile[] = [];
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (relative !== path.join("lib", "generated") && entry.name !== "node_modules") {
        out.push(...sources(relative));
      }
    } else if (/\.(ts|tsx|mts|mjs)$/.test(entry.name)) {
      out.push({ path: relative, text: readFileSync(path.join(root, relative), "utf8") });
    }
  }
  return out;
}

const file = (text: string): SourceFile => ({ path: "snippet.ts", text });
const KNOWN = new Set(["notifyWorkers", "deliverInApp"]);
const rules = (text: string) => checkDataAccess(file(text), KNOWN).map((v) => v.rule);

// Known violations in files this change could not edit (lib/explain belongs
// to another branch of issue 12): `prisma` → `sql` there. Each entry must
// still match a violation, so the list shrinks as they are fixed.
const PENDING: { path: string; rule: string }[] = [];

describe("the data-access rule", () => {
  it("holds in lib/, app/ and scripts/ (lib/db itself excepted)", () => {
    const all = ["lib", "app", "scripts"].flatMap(sources);
    const names = rawDbFunctions(all);
    expect(names).toContain("notifyWorkers");
    expect(names).toContain("enqueueMessages");
    const checked = all.filter((f) => !f.path.startsWith(path.join("lib", "db") + path.sep));
    expect(checked.length).toBeGreaterThan(300);
    const found = checked.flatMap((f) => checkDataAccess(f, names));
    const pending = (v: Violation) =>
      PENDING.some((p) => v.path === path.normalize(p.path) && v.rule.includes(p.rule));
    const broken = found.filter((v) => !pending(v));
    expect(broken.map((v) => `${v.path}:${v.line} ${v.rule}\n    ${v.excerpt}`)).toEqual([]);
    const stale = PENDING.filter(
      (p) => !found.some((v) => v.path === path.normalize(p.path) && v.rule.includes(p.rule)),
    );
    expect(stale, "fixed: remove these from PENDING").toEqual([]);
  });

  it.each([
    ["prisma.$queryRaw`SELECT 1`", "SQL on the Prisma client"],
    ["await prisma.$executeRaw`DELETE FROM x`", "SQL on the Prisma client"],
    ["getPrisma().$queryRaw`SELECT 1`", "SQL on the Prisma client"],
    ['db.$executeRawUnsafe("ANALYZE events")', "no Unsafe or Typed"],
    ["prisma.$transaction(async (tx) => { await tx.$executeRaw`SELECT 1`; })", "inside a Prisma"],
    ["prisma.$transaction(async (tx) => { await sql.$queryRaw`SELECT 1`; })", "inside a Prisma"],
    [
      "prisma.$transaction(async (tx) => { await tx.user.create({}); await notifyWorkers(tx, 'x'); })",
      "a Prisma transaction passed to notifyWorkers()",
    ],
    ["await deliverInApp(prisma, input)", "the Prisma client passed to deliverInApp()"],
    ['function f(db: Pick<Prisma.TransactionClient, "$executeRaw">) {}', "typed as an SQL handle"],
  ])("flags %s", (snippet, rule) => {
    expect(rules(snippet).join(" | ")).toContain(rule);
  });

  it.each([
    "await sql.$queryRaw`SELECT 1`",
    "await sqlTransaction(async (tx) => { await tx.$executeRaw`SELECT 1`; await notifyWorkers(tx, 'x'); })",
    "await prisma.$transaction(async (tx) => { await tx.user.create({ data }); })",
    "await notifyWorkers(sql, 'x')",
    "// prisma.$queryRaw in a comment\nconst x = 1;",
    "/* tx.$executeRaw inside prisma.$transaction( */",
    "await createWorkspace(input, prisma)",
  ])("allows %s", (snippet) => {
    expect(rules(snippet)).toEqual([]);
  });

  it("keeps what decides a send on the primary", () => {
    const all = ["lib", "app", "scripts"].flatMap(sources);
    const found = all.flatMap(checkPrimaryOnly);
    expect(found.map((v) => `${v.path}:${v.line} ${v.rule}\n    ${v.excerpt}`)).toEqual([]);
    // And the checker can fail: the same text in an engine file, a delivery file and a send.
    const replicaRead =
      "import { readSql } from '@/lib/db/sql';\nawait readSql.$queryRaw`SELECT 1`;";
    for (const where of [
      "lib/engine/load-facts.ts",
      "lib/ingest/insert-events.ts",
      "lib/channels/email/claim-due-emails.ts",
      "lib/channels/enqueue-messages.ts",
      "lib/segments/refresh-segments.ts",
      "lib/explain/why-not.ts",
    ]) {
      expect(checkPrimaryOnly({ path: where, text: replicaRead }), where).toHaveLength(2);
    }
    expect(
      checkPrimaryOnly({ path: "lib/engine/x.ts", text: "const r = readPrisma.event.findMany();" }),
    ).toHaveLength(1);
    // Analytics and admin lists may read the replica; a comment never counts.
    expect(checkPrimaryOnly({ path: "lib/analytics/x.ts", text: replicaRead })).toEqual([]);
    expect(checkPrimaryOnly({ path: "lib/engine/x.ts", text: "// not readSql here" })).toEqual([]);
  });

  it("lists every module that reads the replica in the architecture rule that keeps sends off it", () => {
    // .dependency-cruiser.cjs forbids send-deciding code to reach these
    // modules; a new one that names a read handle must join the list.
    const config = createRequire(import.meta.url)(path.join(root, ".dependency-cruiser.cjs")) as {
      forbidden: { name: string; to: { path?: string[] } }[];
    };
    const rule = config.forbidden.find((r) => r.name === "send-decisions-read-the-primary");
    const listed = (rule?.to.path ?? []).map((p) => new RegExp(p));
    expect(listed.length).toBeGreaterThan(0);
    const readers = ["lib", "app"]
      .flatMap(sources)
      .filter(
        (f) => f.path.startsWith(`lib${path.sep}`) && !f.path.includes(`${path.sep}db${path.sep}`),
      )
      .filter((f) => !f.path.endsWith(".test.ts"))
      .filter((f) => /\b(readPrisma|getReadPrisma|readSql|readQueryRows)\b/.test(f.text))
      .map((f) => f.path.split(path.sep).join("/"));
    expect(readers.length).toBeGreaterThan(10);
    expect(readers.filter((p) => !listed.some((re) => re.test(p)))).toEqual([]);
  });

  it("knows a RawDb function by its declaration", () => {
    const names = rawDbFunctions([
      file("export async function lockThings(\n  tx: RawDb,\n  ids: string[],\n) {}"),
      file("export function other(db: Prisma.TransactionClient) {}"),
    ]);
    expect([...names]).toEqual(["lockThings"]);
  });
});
