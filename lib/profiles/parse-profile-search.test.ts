import { describe, expect, it } from "vitest";
import { escapeLike, parseProfileSearch } from "./parse-profile-search";

describe("parseProfileSearch", () => {
  it.each([
    ["", { text: "", terms: [] }],
    ["  Ann   Lee ", { text: "Ann Lee", terms: [] }],
    ["plan:pro", { text: "", terms: [{ kind: "trait", path: ["plan"], value: "pro" }] }],
    [
      'company.name:"Acme Inc" ann',
      { text: "ann", terms: [{ kind: "trait", path: ["company", "name"], value: "Acme Inc" }] },
    ],
    ["email:ann@x.com", { text: "", terms: [{ kind: "email", value: "ann@x.com" }] }],
    [
      "userId:u_1 anonymousId:a-1",
      {
        text: "",
        terms: [
          { kind: "userId", value: "u_1" },
          { kind: "anonymousId", value: "a-1" },
        ],
      },
    ],
    ["id:abc", { text: "", terms: [{ kind: "profileId", value: "abc" }] }],
    // Not terms: a URL, a time, an email, an empty value.
    ["https://acme.test", { text: "https://acme.test", terms: [] }],
    ["10:30", { text: "10:30", terms: [] }],
    ["ann@acme.test", { text: "ann@acme.test", terms: [] }],
    ['plan:""', { text: 'plan:""', terms: [] }],
  ])("%j", (query, expected) => {
    expect(parseProfileSearch(query)).toEqual(expected);
  });

  it("keeps at most 10 terms; the rest stays text", () => {
    const query = Array.from({ length: 12 }, (_, i) => `k${i}:v`).join(" ");
    const parsed = parseProfileSearch(query);
    expect(parsed.terms).toHaveLength(10);
    expect(parsed.text).toBe("k10:v k11:v");
  });
});

describe("escapeLike", () => {
  it("escapes the LIKE wildcards and the escape character", () => {
    expect(escapeLike("100%_\\x")).toBe("100\\%\\_\\\\x");
  });
});
