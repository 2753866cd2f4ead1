import { describe, expect, it } from "vitest";
import { checkJsonShape } from "./check-json-shape";

function nested(levels: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < levels; i++) value = { k: value };
  return value;
}

describe("checkJsonShape", () => {
  it("allows 10 levels of nesting in a field and refuses 11", () => {
    expect(checkJsonShape({ properties: nested(10) })).toBeNull();
    expect(checkJsonShape({ properties: nested(11) })).toMatchObject({
      code: "too_deep",
      field: "properties.k.k.k.k.k.k.k.k.k.k",
    });
  });

  it("counts arrays as levels too", () => {
    let value: unknown = 1;
    for (let i = 0; i < 11; i++) value = [value];
    expect(checkJsonShape({ context: value })?.code).toBe("too_deep");
  });

  it("survives a pathologically deep value", () => {
    let value: unknown = 1;
    for (let i = 0; i < 200_000; i++) value = [value];
    expect(checkJsonShape({ properties: value })?.code).toBe("too_deep");
  });

  it("finds NUL characters and lone surrogates in values and keys", () => {
    expect(checkJsonShape({ properties: { a: ["ok", "x\u0000"] } })).toMatchObject({
      code: "invalid_string",
      field: "properties.a.1",
    });
    expect(checkJsonShape({ traits: { "bad\ud800": 1 } })).toMatchObject({
      code: "invalid_string",
      field: "traits.bad\ud800",
    });
    expect(checkJsonShape({ userId: "\udc00" })?.code).toBe("invalid_string");
  });

  it("accepts emoji (paired surrogates) and other unicode", () => {
    expect(checkJsonShape({ properties: { 名前: "👩🏽‍💻 Zoë", rtl: "مرحبا" } })).toBeNull();
  });
});
