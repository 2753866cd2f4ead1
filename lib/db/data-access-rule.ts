// The data-access rule of lib/db/README.md, checked on the source text (the
// test next to this file runs it over lib/, app/ and scripts/):
//
// - the Prisma client is for the model API only: no `$queryRaw`,
//   `$executeRaw` or their Unsafe/Typed variants on `prisma`, `getPrisma()`
//   or a Prisma transaction;
// - SQL runs on a RawDb from lib/db/sql.ts, so a Prisma transaction neither
//   runs SQL nor hands its client to a function that takes a RawDb (that
//   transaction is a `sqlTransaction`);
// - `prisma` itself is never passed where a RawDb is expected.
//
// - code that decides a send (the engine, ingestion, the inbox, delivery,
//   segment evaluation, the explainer) reads the primary: it never names the
//   read-replica handles (`readPrisma`, `getReadPrisma`, `readSql`,
//   `readQueryRows`), which may lag it (`checkPrimaryOnly`).
//
// It reads text, not types: it knows a RawDb function by its declaration
// (`function name(db: RawDb, …)`) and a Prisma transaction by the callback
// of `$transaction(`. lib/db/ (where RawDb lives) is not checked.

export interface SourceFile {
  path: string;
  text: string;
}

export interface Violation {
  path: string;
  line: number;
  rule: string;
  excerpt: string;
}

const RAW_METHOD = /\$(?:queryRaw|executeRaw)(?:Unsafe|Typed)?\b/g;
const UNSAFE = /\$(?:queryRawUnsafe|executeRawUnsafe|queryRawTyped)\b/g;
const ON_PRISMA = /\b(?:prisma|getPrisma\(\))\s*\.\s*\$(?:queryRaw|executeRaw)/g;
const PICKED_FROM_PRISMA =
  /(?:TransactionClient|PrismaClient)\s*,\s*["']\$(?:queryRaw|executeRaw)/g;
const RAWDB_FUNCTION =
  /export\s+(?:async\s+)?function\s+(\w+)\s*(?:<[^>(]*>)?\(\s*\w+\s*:\s*RawDb\b/g;

/** The names of exported functions whose first parameter is a RawDb. */
export function rawDbFunctions(files: readonly SourceFile[]): Set<string> {
  const names = new Set<string>();
  for (const file of files) {
    for (const match of stripComments(file.text).matchAll(RAWDB_FUNCTION)) {
      if (match[1]) names.add(match[1]);
    }
  }
  return names;
}

export function checkDataAccess(file: SourceFile, rawDbFunctionNames: Set<string>): Violation[] {
  const text = stripComments(file.text);
  const violations: Violation[] = [];
  const add = (index: number, rule: string) => {
    const line = text.slice(0, index).split("\n").length;
    const excerpt = (file.text.split("\n")[line - 1] ?? "").trim();
    violations.push({ path: file.path, line, rule, excerpt });
  };
  for (const match of text.matchAll(UNSAFE)) {
    add(match.index, "no Unsafe or Typed raw queries: build SQL with Prisma.sql on a RawDb");
  }
  for (const match of text.matchAll(ON_PRISMA)) {
    add(match.index, "SQL on the Prisma client: use sql / queryRows from lib/db/sql.ts");
  }
  for (const match of text.matchAll(PICKED_FROM_PRISMA)) {
    add(match.index, "a Prisma client typed as an SQL handle: take a RawDb");
  }
  const calls = rawDbFunctionNames.size > 0 ? callsOf(rawDbFunctionNames) : null;
  for (const [start, end, client] of prismaTransactions(text)) {
    const body = text.slice(start, end);
    for (const match of body.matchAll(RAW_METHOD)) {
      add(start + match.index, "SQL inside a Prisma transaction: make it a sqlTransaction");
    }
    if (!calls || !client) continue;
    for (const match of body.matchAll(calls)) {
      if (match[2] === client) {
        add(
          start + match.index,
          `a Prisma transaction passed to ${match[1]}(), which takes a RawDb`,
        );
      }
    }
  }
  if (calls) {
    for (const match of text.matchAll(calls)) {
      if (match[2] === "prisma") {
        add(match.index, `the Prisma client passed to ${match[1]}(), which takes a RawDb`);
      }
    }
  }
  return violations;
}

/**
 * Where every read must see the primary: whatever decides whether, what or
 * when to send, or answers a person about one profile right now.
 */
export const PRIMARY_ONLY: readonly RegExp[] = [
  /^lib\/(engine|ingest|inbox|journey-core|explain|webhooks|worker)\//,
  /^lib\/channels\/(email|in-app)\//,
  /^lib\/channels\/(send|enqueue|insert|preview)-[\w-]+\.ts$/,
  /^lib\/segments\/(refresh-segments|apply-membership|evaluate-members|segment-tasks|membership-as-of)\.ts$/,
];

const READ_HANDLE = /\b(readPrisma|getReadPrisma|readSql|readQueryRows)\b/g;

/** Violations of "send decisions read the primary" in one file (path relative to the root, `/`-separated). */
export function checkPrimaryOnly(file: SourceFile): Violation[] {
  const normalized = file.path.split("\\").join("/");
  if (!PRIMARY_ONLY.some((pattern) => pattern.test(normalized))) return [];
  const text = stripComments(file.text);
  return [...text.matchAll(READ_HANDLE)].map((match) => {
    const line = text.slice(0, match.index).split("\n").length;
    return {
      path: file.path,
      line,
      rule: `${match[1]} in code that decides a send: read the primary (prisma, sql); the replica may lag`,
      excerpt: (file.text.split("\n")[line - 1] ?? "").trim(),
    };
  });
}

/** `name(firstArgument` for the given function names. */
function callsOf(names: Set<string>): RegExp {
  const alternatives = [...names].map((name) => name.replace(/\$/g, "\\$")).join("|");
  return new RegExp(`\\b(${alternatives})\\s*\\(\\s*(\\w+)\\b`, "g");
}

/**
 * The extent of each `$transaction(` call's arguments, with the name of its
 * callback's parameter (the transaction client) when there is one.
 */
function prismaTransactions(text: string): [number, number, string | null][] {
  const found: [number, number, string | null][] = [];
  for (const match of text.matchAll(/\$transaction\s*\(/g)) {
    const start = match.index + match[0].length;
    let depth = 1;
    let end = start;
    while (end < text.length && depth > 0) {
      const char = text[end];
      if (char === "(") depth += 1;
      else if (char === ")") depth -= 1;
      end += 1;
    }
    const param = /^\s*(?:async\s*)?\(?\s*(\w+)\s*(?::[^)=]*)?\)?\s*=>/.exec(
      text.slice(start, end),
    );
    found.push([start, end, param?.[1] ?? null]);
  }
  return found;
}

/** Comments replaced by spaces (line numbers kept), so prose about `$queryRaw` is not code. */
function stripComments(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, (block) => block.replace(/[^\n]/g, " "))
    .replace(/(^|[^:"'`\\])\/\/[^\n]*/g, (_line, before: string) => before);
}
