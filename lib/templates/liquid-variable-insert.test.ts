import { describe, expect, it } from "vitest";
import { insertVariable, liquidQueryAt } from "./liquid-variable-insert";

/** Types `typed` (the caret at its end, `rest` after it) and accepts `variable`. */
function accept(typed: string, variable: string, rest = "") {
  const text = typed + rest;
  const query = liquidQueryAt(text, typed.length);
  if (!query) throw new Error(`no Liquid query in ${JSON.stringify(typed)}`);
  return insertVariable(text, query, typed.length, variable);
}

describe("liquid autocomplete", () => {
  it("finds the partial variable after an open tag", () => {
    expect(liquidQueryAt("Hi {{ profile.tr", 16)).toEqual({ start: 6, text: "profile.tr" });
    expect(liquidQueryAt("Hi {{", 5)).toEqual({ start: 5, text: "" });
    expect(liquidQueryAt("Hi {{profile", 12)).toEqual({ start: 5, text: "profile" });
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

  it("spaces the variable evenly when nothing was typed after the braces", () => {
    expect(accept("Hi {{", "profile.traits.name")).toEqual({
      text: "Hi {{ profile.traits.name }}",
      caret: 28,
    });
    expect(accept("Hi {{prof", "profile.traits.name", "!").text).toBe(
      "Hi {{ profile.traits.name }}!",
    );
    expect(accept("Hi {{-", "profile.email").text).toBe("Hi {{- profile.email }}");
  });

  it("never leaves a stray space on one side of the variable", () => {
    for (const typed of ["{{", "{{ ", "{{  ", "{{pro", "{{ pro", "{{-pro", "{{- pro"]) {
      for (const rest of ["", "}}", " }}", "-}}", " -}}", "| upcase }}", " | upcase }}"]) {
        const { text } = accept(typed, "profile.traits.name", rest);
        expect(text, `${typed}|${rest}`).toMatch(/\{\{-? +profile\.traits\.name [|}-]/);
        expect(text, `${typed}|${rest}`).not.toMatch(/\{\{-?profile|name\}\}|name\|/);
      }
    }
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
    expect(accept("Hi {{pro", "profile.id", "}}!")).toEqual({
      text: "Hi {{ profile.id }}!",
      caret: 16,
    });
  });
});
