import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { bundleCueJs, CUE_JS } from "./build-cue-js";

describe("public/cue.js", () => {
  it("is what client/cue/ builds (run `npm run build:cue-js` after editing it)", () => {
    expect(readFileSync(CUE_JS, "utf8")).toBe(bundleCueJs());
  });
});
