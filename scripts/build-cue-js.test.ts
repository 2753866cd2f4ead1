import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { buildCueJs, CUE_JS, CUE_JS_GZIP_BUDGET, gzippedSize } from "./build-cue-js";

describe("public/cue.js", () => {
  it("is what client/cue/ builds (run `npm run build:cue-js` after editing it)", () => {
    expect(readFileSync(CUE_JS, "utf8")).toBe(buildCueJs().code);
  });

  it(`is at most ${CUE_JS_GZIP_BUDGET} bytes gzipped`, () => {
    expect(gzippedSize(readFileSync(CUE_JS, "utf8"))).toBeLessThanOrEqual(CUE_JS_GZIP_BUDGET);
  });

  it("bundles client/cue/ and nothing else: no app or server code, no packages", () => {
    const outside = buildCueJs().inputs.filter((input) => !input.startsWith("client/cue/"));
    expect(outside).toEqual([]);
  });
});

describe("client/cue", () => {
  // `npm run typecheck` checks client/ with the app's libraries (ES2023, Node
  // types); this checks it with only what an ES2017 browser has.
  it("type-checks against ES2017 and the DOM alone (client/cue/tsconfig.json)", () => {
    const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
    const run = spawnSync(process.execPath, [tsc, "-p", "client/cue/tsconfig.json"], {
      encoding: "utf8",
    });
    expect(run.stdout + run.stderr).toBe("");
    expect(run.status).toBe(0);
  }, 120_000);
});
