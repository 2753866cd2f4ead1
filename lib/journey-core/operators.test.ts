import { describe, expect, it } from "vitest";
import {
  applyOperator,
  describeOperandProblem,
  OPERATOR_NAMES,
  OPERATORS,
  type OperatorName,
} from "./operators";

type Row = [operator: OperatorName, actual: unknown, expected: unknown, result: boolean];

const rows: Row[] = [
  ["eq", "pro", "pro", true],
  ["eq", "Pro", "pro", false],
  ["eq", 80, 80, true],
  ["eq", "80", 80, true],
  ["eq", 80, "80.0", true],
  ["eq", "007", "7", false],
  ["eq", true, "true", true],
  ["eq", "false", false, true],
  ["eq", null, null, true],
  ["eq", undefined, "pro", false],
  ["eq", ["pro"], "pro", false],
  ["eq", { a: 1 }, "x", false],
  ["neq", "free", "pro", true],
  ["neq", "pro", "pro", false],
  ["neq", undefined, "pro", true],
  ["gt", 81, 80, true],
  ["gt", 80, 80, false],
  ["gt", " 90 ", 80, true],
  ["gt", "abc", 80, false],
  ["gt", undefined, 0, false],
  ["gt", Number.NaN, 0, false],
  ["gte", 80, 80, true],
  ["gte", "79.9", 80, false],
  ["lt", 1, 2, true],
  ["lt", 2, 2, false],
  ["lte", 2, 2, true],
  ["lte", null, 2, false],
  ["contains", "hello world", "world", true],
  ["contains", "hello", "World", false],
  ["contains", ["a", "b"], "b", true],
  ["contains", [1, 2], "2", true],
  ["contains", 12345, "234", true],
  ["contains", undefined, "x", false],
  ["not_contains", "hello", "x", true],
  ["not_contains", ["a"], "a", false],
  ["not_contains", undefined, "x", true],
  ["starts_with", "/app/reports/1", "/app/reports", true],
  ["starts_with", "/app", "/app/reports", false],
  ["ends_with", "ada@example.com", "@example.com", true],
  ["ends_with", 42, "2", true],
  ["ends_with", {}, "x", false],
  ["in", "pro", ["free", "pro"], true],
  ["in", "team", ["free", "pro"], false],
  ["in", 2, ["1", "2"], true],
  ["in", ["x", "pro"], ["pro"], true],
  ["in", "pro", "pro", true],
  ["in", undefined, ["pro"], false],
  ["not_in", "team", ["free", "pro"], true],
  ["not_in", "pro", ["free", "pro"], false],
  ["not_in", undefined, ["pro"], true],
  ["exists", "", undefined, true],
  ["exists", 0, undefined, true],
  ["exists", null, undefined, false],
  ["exists", undefined, undefined, false],
  ["not_exists", undefined, undefined, true],
  ["not_exists", false, undefined, false],
  ["is_true", true, undefined, true],
  ["is_true", "true", undefined, true],
  ["is_true", 1, undefined, true],
  ["is_true", "yes", undefined, false],
  ["is_true", undefined, undefined, false],
  ["is_false", false, undefined, true],
  ["is_false", "false", undefined, true],
  ["is_false", undefined, undefined, false],
  ["before", "2025-03-01T00:00:00Z", "2025-03-02T00:00:00Z", true],
  ["before", new Date("2025-03-03T00:00:00Z"), "2025-03-02", false],
  ["before", Date.UTC(2025, 0, 1), "2025-03-02", true],
  ["before", "not a date", "2025-03-02", false],
  ["after", "2025-03-03", "2025-03-02T23:59:59Z", true],
  ["after", undefined, "2025-03-02", false],
];

describe("OPERATORS", () => {
  it.each(rows)("%s(%j, %j) is %s", (operator, actual, expected, result) => {
    expect(applyOperator(operator, actual, expected)).toBe(result);
  });

  it("covers every operator with at least one true and one false row", () => {
    for (const name of OPERATOR_NAMES) {
      const outcomes = new Set(rows.filter((r) => r[0] === name).map((r) => r[3]));
      expect(outcomes, name).toEqual(new Set([true, false]));
    }
  });

  it("never throws on hostile values", () => {
    const hostile = [Symbol("s"), () => 1, Object.create(null), 10n, new Date("nope"), [[1]]];
    for (const name of OPERATOR_NAMES) {
      for (const value of hostile) {
        expect(() => applyOperator(name, value, value)).not.toThrow();
        expect(() => applyOperator(name, "x", value)).not.toThrow();
      }
    }
  });

  it("turns a throwing evaluator into no match", () => {
    // Array.isArray throws on a revoked proxy: the one way customer JSON cannot produce.
    const { proxy, revoke } = Proxy.revocable([], {});
    revoke();
    expect(() => OPERATORS.contains.evaluate(proxy, "x")).toThrow();
    expect(applyOperator("contains", proxy, "x")).toBe(false);
  });

  it("has a label and operand types for every operator", () => {
    for (const name of OPERATOR_NAMES) {
      expect(OPERATORS[name].label.length).toBeGreaterThan(0);
      expect(OPERATORS[name].appliesTo.length).toBeGreaterThan(0);
    }
  });
});

describe("describeOperandProblem", () => {
  it.each([
    ["exists", undefined, null],
    ["exists", "x", '"exists" takes no value'],
    ["in", ["a"], null],
    ["in", [], '"in" needs a non-empty list of values'],
    ["in", "a", '"in" needs a non-empty list of values'],
    ["eq", undefined, '"eq" needs one value'],
    ["eq", ["a"], '"eq" needs one value'],
    ["gte", "80", null],
    ["gte", "eighty", '"gte" needs a number, got "eighty"'],
    ["before", "2025-01-01", null],
    ["after", "soon", '"after" needs a date (ISO-8601), got "soon"'],
  ] as const)("%s with %j", (operator, value, problem) => {
    expect(describeOperandProblem(operator, value)).toBe(problem);
  });
});
