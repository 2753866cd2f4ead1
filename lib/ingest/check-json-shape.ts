import { MAX_NESTING_DEPTH } from "./limits";

export interface ShapeIssue {
  code: "too_deep" | "invalid_string";
  field: string;
  message: string;
}

// PostgreSQL's jsonb and text types cannot hold U+0000 or unpaired UTF-16
// surrogates (JSON.parse accepts both), so such a string would fail the whole
// multi-row insert. Finding them here turns that into one rejected item.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function badString(value: string): string | null {
  if (value.includes("\u0000")) return "contains the NUL character (\\u0000)";
  if (LONE_SURROGATE.test(value)) return "contains an unpaired UTF-16 surrogate";
  return null;
}

/**
 * Checks every key and string of a parsed JSON item: nesting no deeper than
 * MAX_NESTING_DEPTH inside each top-level field, and strings PostgreSQL can
 * store. Recursion stops at the depth limit, so a hostile 100,000-level body
 * cannot overflow the stack here.
 */
export function checkJsonShape(item: Record<string, unknown>): ShapeIssue | null {
  for (const [key, value] of Object.entries(item)) {
    const issue = checkValue(value, key, 0);
    if (issue) return issue;
    const keyProblem = badString(key);
    if (keyProblem) return { code: "invalid_string", field: key, message: `Key ${keyProblem}.` };
  }
  return null;
}

function checkValue(value: unknown, path: string, depth: number): ShapeIssue | null {
  if (typeof value === "string") {
    const problem = badString(value);
    return problem ? { code: "invalid_string", field: path, message: `String ${problem}.` } : null;
  }
  if (value === null || typeof value !== "object") return null;
  if (depth >= MAX_NESTING_DEPTH) {
    return {
      code: "too_deep",
      field: path,
      message: `Nested more than ${MAX_NESTING_DEPTH} levels deep.`,
    };
  }
  const entries = Array.isArray(value)
    ? value.map((element, index) => [String(index), element] as const)
    : Object.entries(value);
  for (const [key, child] of entries) {
    const keyProblem = Array.isArray(value) ? null : badString(key);
    if (keyProblem) {
      return { code: "invalid_string", field: `${path}.${key}`, message: `Key ${keyProblem}.` };
    }
    const issue = checkValue(child, `${path}.${key}`, depth + 1);
    if (issue) return issue;
  }
  return null;
}
