// Every comparison a journey condition can make, in one table. The builder
// reads `label`/`appliesTo`/`takesValue` to offer operators; the schema reads
// `takesValue` to require (or forbid) a value; the engine calls `evaluate`.
//
// Values come from arbitrary customer JSON, so evaluation coerces sensibly
// and never throws: a comparison that cannot be made is simply false.
// Coercion rules:
// - Numbers: a number on either side makes the comparison numeric, and a
//   numeric string ("42", " 3.5 ") on the other side is read as a number.
//   Two strings compare as strings ("007" ≠ "7"), because IDs and zip codes
//   are strings that look like numbers.
// - Booleans: "true"/"false" strings compare equal to true/false.
// - String matching is case-sensitive everywhere, like the stored data.
// - Dates (before/after) accept Date, ISO-8601 strings and epoch milliseconds.
// - Negative operators (neq, not_contains, not_in) are true when the value is
//   missing: a user without a plan "is not on pro".

export const OPERATOR_NAMES = [
  "eq",
  "neq",
  "gt",
  "gte",
  "lt",
  "lte",
  "contains",
  "not_contains",
  "starts_with",
  "ends_with",
  "in",
  "not_in",
  "exists",
  "not_exists",
  "is_true",
  "is_false",
  "before",
  "after",
] as const;

export type OperatorName = (typeof OPERATOR_NAMES)[number];
export type OperandType = "string" | "number" | "boolean" | "date" | "array" | "any";

export interface OperatorSpec {
  label: string;
  appliesTo: readonly OperandType[];
  /** What the condition's `value` must be: absent, one value, or a list. */
  takesValue: "none" | "scalar" | "list";
  evaluate(actual: unknown, expected: unknown): boolean;
}

function toNumber(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string" && value.trim() !== "") {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : null;
  }
  return null;
}

function toBoolean(value: unknown): boolean | null {
  if (typeof value === "boolean") return value;
  if (value === "true" || value === 1) return true;
  if (value === "false" || value === 0) return false;
  return null;
}

function toTime(value: unknown): number | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.getTime();
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string" && value.trim() !== "") {
    const parsed = Date.parse(value);
    return Number.isNaN(parsed) ? null : parsed;
  }
  return null;
}

function isPresent(value: unknown): boolean {
  return value !== undefined && value !== null;
}

function looselyEqual(actual: unknown, expected: unknown): boolean {
  if (typeof actual === "number" || typeof expected === "number") {
    const a = toNumber(actual);
    const e = toNumber(expected);
    return a !== null && e !== null && a === e;
  }
  if (typeof actual === "boolean" || typeof expected === "boolean") {
    const a = toBoolean(actual);
    return a !== null && a === toBoolean(expected);
  }
  if (actual === null || expected === null) return actual === expected;
  if (typeof actual === "string" && typeof expected === "string") return actual === expected;
  return false;
}

function compareNumbers(actual: unknown, expected: unknown, test: (d: number) => boolean) {
  const a = toNumber(actual);
  const e = toNumber(expected);
  return a !== null && e !== null && test(a - e);
}

function compareTimes(actual: unknown, expected: unknown, test: (d: number) => boolean) {
  const a = toTime(actual);
  const e = toTime(expected);
  return a !== null && e !== null && test(a - e);
}

function asText(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return null;
}

function matchText(actual: unknown, expected: unknown, test: (a: string, e: string) => boolean) {
  const a = asText(actual);
  const e = asText(expected);
  return a !== null && e !== null && test(a, e);
}

function contains(actual: unknown, expected: unknown): boolean {
  if (Array.isArray(actual)) return actual.some((item) => looselyEqual(item, expected));
  return matchText(actual, expected, (a, e) => a.includes(e));
}

function isIn(actual: unknown, expected: unknown): boolean {
  const options = Array.isArray(expected) ? expected : [expected];
  const values = Array.isArray(actual) ? actual : [actual];
  return values.some((value) => options.some((option) => looselyEqual(value, option)));
}

export const OPERATORS: Record<OperatorName, OperatorSpec> = {
  eq: {
    label: "is",
    appliesTo: ["string", "number", "boolean"],
    takesValue: "scalar",
    evaluate: looselyEqual,
  },
  neq: {
    label: "is not",
    appliesTo: ["string", "number", "boolean"],
    takesValue: "scalar",
    evaluate: (a, e) => !looselyEqual(a, e),
  },
  gt: {
    label: "is greater than",
    appliesTo: ["number"],
    takesValue: "scalar",
    evaluate: (a, e) => compareNumbers(a, e, (d) => d > 0),
  },
  gte: {
    label: "is at least",
    appliesTo: ["number"],
    takesValue: "scalar",
    evaluate: (a, e) => compareNumbers(a, e, (d) => d >= 0),
  },
  lt: {
    label: "is less than",
    appliesTo: ["number"],
    takesValue: "scalar",
    evaluate: (a, e) => compareNumbers(a, e, (d) => d < 0),
  },
  lte: {
    label: "is at most",
    appliesTo: ["number"],
    takesValue: "scalar",
    evaluate: (a, e) => compareNumbers(a, e, (d) => d <= 0),
  },
  contains: {
    label: "contains",
    appliesTo: ["string", "array"],
    takesValue: "scalar",
    evaluate: contains,
  },
  not_contains: {
    label: "does not contain",
    appliesTo: ["string", "array"],
    takesValue: "scalar",
    evaluate: (a, e) => !contains(a, e),
  },
  starts_with: {
    label: "starts with",
    appliesTo: ["string"],
    takesValue: "scalar",
    evaluate: (a, e) => matchText(a, e, (x, y) => x.startsWith(y)),
  },
  ends_with: {
    label: "ends with",
    appliesTo: ["string"],
    takesValue: "scalar",
    evaluate: (a, e) => matchText(a, e, (x, y) => x.endsWith(y)),
  },
  in: {
    label: "is one of",
    appliesTo: ["string", "number", "array"],
    takesValue: "list",
    evaluate: isIn,
  },
  not_in: {
    label: "is none of",
    appliesTo: ["string", "number", "array"],
    takesValue: "list",
    evaluate: (a, e) => !isIn(a, e),
  },
  exists: {
    label: "is set",
    appliesTo: ["any"],
    takesValue: "none",
    evaluate: (a) => isPresent(a),
  },
  not_exists: {
    label: "is not set",
    appliesTo: ["any"],
    takesValue: "none",
    evaluate: (a) => !isPresent(a),
  },
  is_true: {
    label: "is true",
    appliesTo: ["boolean"],
    takesValue: "none",
    evaluate: (a) => toBoolean(a) === true,
  },
  is_false: {
    label: "is false",
    appliesTo: ["boolean"],
    takesValue: "none",
    evaluate: (a) => toBoolean(a) === false,
  },
  before: {
    label: "is before",
    appliesTo: ["date"],
    takesValue: "scalar",
    evaluate: (a, e) => compareTimes(a, e, (d) => d < 0),
  },
  after: {
    label: "is after",
    appliesTo: ["date"],
    takesValue: "scalar",
    evaluate: (a, e) => compareTimes(a, e, (d) => d > 0),
  },
};

/** Evaluates one operator; an unexpected throw from customer data counts as "no match". */
export function applyOperator(operator: OperatorName, actual: unknown, expected: unknown): boolean {
  try {
    return OPERATORS[operator].evaluate(actual, expected);
  } catch {
    return false;
  }
}

/** Why `value` cannot be used with `operator`, or null when it can (used by the schema). */
export function describeOperandProblem(operator: OperatorName, value: unknown): string | null {
  const spec = OPERATORS[operator];
  if (spec.takesValue === "none") {
    return value === undefined ? null : `"${operator}" takes no value`;
  }
  if (spec.takesValue === "list") {
    return Array.isArray(value) && value.length > 0
      ? null
      : `"${operator}" needs a non-empty list of values`;
  }
  if (value === undefined || Array.isArray(value)) return `"${operator}" needs one value`;
  if (
    spec.appliesTo.includes("number") &&
    spec.appliesTo.length === 1 &&
    toNumber(value) === null
  ) {
    return `"${operator}" needs a number, got ${JSON.stringify(value)}`;
  }
  if (spec.appliesTo.includes("date") && toTime(value) === null) {
    return `"${operator}" needs a date (ISO-8601), got ${JSON.stringify(value)}`;
  }
  return null;
}
