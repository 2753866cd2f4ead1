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

// String.prototype.isWellFormed (Node 20+) finds unpaired surrogates without
// a regular expression; the ES2023 lib this project targets does not type it.
const isWellFormed = (String.prototype as { isWellFormed?: () => boolean }).isWellFormed;

function badString(value: string): string | null {
  if (value.includes("\u0000")) return "contains the NUL character (\\u0000)";
  const wellFormed = isWellFormed ? isWellFormed.call(value) : !LONE_SURROGATE.test(value);
  if (!wellFormed) return "contains an unpaired UTF-16 surrogate";
  return null;
}

/** An issue found below a field; `path` lists the keys from the bottom up. */
interface Found {
  code: ShapeIssue["code"];
  message: string;
  path: string[];
}

/**
 * Checks every key and string of a parsed JSON item: nesting no deeper than
 * MAX_NESTING_DEPTH inside each top-level field, and strings PostgreSQL can
 * store. Recursion stops at the depth limit, so a hostile 100,000-level body
 * cannot overflow the stack here. The dotted path of the field is built only
 * for an item that has an issue.
 */
export function checkJsonShape(item: Record<string, unknown>): ShapeIssue | null {
  for (const key of Object.keys(item)) {
    const found = checkValue(item[key], 0);
    if (found) {
      found.path.push(key);
      return { code: found.code, field: found.path.reverse().join("."), message: found.message };
    }
    const keyProblem = badString(key);
    if (keyProblem) return { code: "invalid_string", field: key, message: `Key ${keyProblem}.` };
  }
  return null;
}

function checkValue(value: unknown, depth: number): Found | null {
  if (typeof value === "string") {
    const problem = badString(value);
    return problem ? { code: "invalid_string", message: `String ${problem}.`, path: [] } : null;
  }
  if (value === null || typeof value !== "object") return null;
  if (depth >= MAX_NESTING_DEPTH) {
    return {
      code: "too_deep",
      message: `Nested more than ${MAX_NESTING_DEPTH} levels deep.`,
      path: [],
    };
  }
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const found = checkValue(value[index], depth + 1);
      if (found) {
        found.path.push(String(index));
        return found;
      }
    }
    return null;
  }
  const object = value as Record<string, unknown>;
  for (const key of Object.keys(object)) {
    const keyProblem = badString(key);
    if (keyProblem) return { code: "invalid_string", message: `Key ${keyProblem}.`, path: [key] };
    const found = checkValue(object[key], depth + 1);
    if (found) {
      found.path.push(key);
      return found;
    }
  }
  return null;
}
