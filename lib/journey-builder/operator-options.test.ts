import { describe, expect, it } from "vitest";
import { describeOperandProblem } from "@/lib/journey-core/operators";
import { formatValue, operatorsFor, parseValueText } from "./operator-options";

describe("operatorsFor", () => {
  it.each([
    ["number", ["gt", "lte", "eq", "in", "exists"], ["contains", "is_true", "before"]],
    ["string", ["eq", "contains", "starts_with", "before", "in", "exists"], ["gt", "is_true"]],
    ["boolean", ["is_true", "is_false", "eq", "exists"], ["gt", "contains", "in"]],
    ["array", ["contains", "in", "exists"], ["eq", "gt"]],
    ["object", ["exists", "not_exists"], ["eq", "contains"]],
  ])("offers operators that fit a %s", (type, offered, withheld) => {
    const ops = operatorsFor(type);
    for (const op of offered) expect(ops).toContain(op);
    for (const op of withheld) expect(ops).not.toContain(op);
  });

  it("offers everything for a key of unknown type", () => {
    expect(operatorsFor(undefined)).toHaveLength(18);
  });
});

describe("parseValueText", () => {
  it.each([
    ["3", "eq", "number", 3],
    ["3", "eq", undefined, 3],
    ["007", "eq", undefined, "007"],
    ["3", "eq", "string", "3"],
    ["4.", "gt", "number", "4."],
    ["true", "eq", "boolean", true],
    ["pro", "eq", "string", "pro"],
    ["free, pro ,", "in", "string", ["free", "pro"]],
    ["1,2", "in", "number", [1, 2]],
    ["anything", "exists", undefined, undefined],
  ] as const)("reads %j for %s on a %s key", (text, op, type, expected) => {
    expect(parseValueText(text, op, type)).toEqual(expected);
  });

  it("produces values the schema accepts", () => {
    expect(describeOperandProblem("gt", parseValueText("10", "gt", "number"))).toBeNull();
    expect(describeOperandProblem("in", parseValueText("a,b", "in", "string"))).toBeNull();
    expect(describeOperandProblem("exists", parseValueText("", "exists", "string"))).toBeNull();
  });

  it("formats stored values back to text", () => {
    expect(formatValue(["a", 2])).toBe("a, 2");
    expect(formatValue(undefined)).toBe("");
    expect(formatValue(false)).toBe("false");
  });
});
