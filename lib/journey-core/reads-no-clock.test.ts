import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The core judges time by its `now` input (the user's event time, a fake
// clock, a backtest's simulated clock), never by the machine's clock: that is
// what lets live traffic, tests, backtests and the explainer agree. Imports
// are checked by dependency-cruiser (.dependency-cruiser.cjs); a clock needs
// no import, so this reads the source.

const CLOCK_READS = [
  { name: "Date.now()", pattern: /\bDate\.now\s*\(/ },
  { name: "new Date() without arguments", pattern: /\bnew Date\s*\(\s*\)/ },
  { name: "performance.now()", pattern: /\bperformance\.now\s*\(/ },
  { name: "process.hrtime", pattern: /\bprocess\.hrtime\b/ },
];

function clockReads(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "");
  return CLOCK_READS.filter((read) => read.pattern.test(code)).map((read) => read.name);
}

describe("lib/journey-core", () => {
  it("reads no clock", () => {
    const dir = import.meta.dirname;
    const found = readdirSync(dir)
      .filter((file) => /\.tsx?$/.test(file) && !file.endsWith(".test.ts"))
      .flatMap((file) =>
        clockReads(readFileSync(path.join(dir, file), "utf8")).map((read) => `${file}: ${read}`),
      );
    expect(found).toEqual([]);
  });

  it("would notice one", () => {
    expect(clockReads("const t = Date.now();")).toEqual(["Date.now()"]);
    expect(clockReads("return new Date( );")).toEqual(["new Date() without arguments"]);
    expect(clockReads("new Date(ms) // not Date.now()")).toEqual([]);
  });
});
