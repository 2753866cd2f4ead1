import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// The README's "point your tracking library at Cue" snippets are the code the
// tests with the real libraries run: every line of them (imports and
// comments aside) appears in one of those tests.

const README = readFileSync("README.md", "utf8");
const TESTS = ["test/ingest/server-libraries.test.ts", "e2e/ui/segment-browser.spec.ts"].map(
  (path) => readFileSync(path, "utf8"),
);

function snippetLines(): string[] {
  const start = README.indexOf("### Sending events");
  const section = README.slice(start, README.indexOf("\n### ", start + 1));
  const blocks = [...section.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1] ?? "");
  return blocks
    .flatMap((block) => block.split("\n"))
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("//") && !line.startsWith("import "));
}

describe("README tracking snippets", () => {
  const lines = snippetLines();

  it("has the four libraries' snippets", () => {
    expect(lines.join("\n")).toContain("AnalyticsBrowser.load");
    expect(lines.join("\n")).toContain("new RudderAnalytics(writeKey");
    expect(lines.join("\n")).toContain("dataPlaneUrl: CUE_URL");
    expect(lines.join("\n")).toContain("host: CUE_URL");
  });

  it.each(lines)("%s is what a test runs", (line) => {
    expect(TESTS.some((source) => source.includes(line))).toBe(true);
  });
});
