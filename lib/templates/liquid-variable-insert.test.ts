import { describe, expect, it } from "vitest";
import { insertVariable, liquidQueryAt } from "./liquid-variable-insert";

describe("liquid autocomplete", () => {
  it("finds the partial variable after an open tag", () => {
    expect(liquidQueryAt("Hi {{ profile.tr", 16)).toEqual({ start: 6, text: "profile.tr" });
    expect(liquidQueryAt("Hi {{", 5)).toEqual({ start: 5, text: "" });
    expect(liquidQueryAt("Hi {{ a }} there", 16)).toBeNull();
    expect(liquidQueryAt("Hi", 2)).toBeNull();
  });

  it("inserts the variable and closes the tag", () => {
    const text = "Hi {{ profile.tr";
    expect(insertVariable(text, { start: 6 }, 16, "profile.traits.name")).toEqual({
      text: "Hi {{ profile.traits.name }}",
      caret: 28,
    });
  });

  it("keeps an existing closing tag or filter", () => {
    const text = "Hi {{ pro }}!";
    expect(insertVariable(text, { start: 6 }, 9, "profile.email").text).toBe(
      "Hi {{ profile.email }}!",
    );
    const filtered = 'Hi {{ pro | default: "x" }}';
    expect(insertVariable(filtered, { start: 6 }, 9, "profile.id").text).toBe(
      'Hi {{ profile.id | default: "x" }}',
    );
  });
});
