// npm run build:cue-js – bundles client/cue/ into public/cue.js, the one
// file sites embed. The output is committed, so `npm start` serves it as-is;
// scripts/build-cue-js.test.ts fails when it is out of date.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildSync } from "esbuild";

const root = path.resolve(import.meta.dirname, "..");
const ENTRY = path.join(root, "client/cue/index.ts");
export const CUE_JS = path.join(root, "public/cue.js");

/** public/cue.js as client/cue/ builds it: one ES2017 script, readable, not minified. */
export function bundleCueJs(): string {
  // The entry's leading /*! … */ comment heads the file; esbuild drops comments.
  const license = /^\/\*![\s\S]*?\*\//.exec(readFileSync(ENTRY, "utf8"))?.[0] ?? "";
  const result = buildSync({
    entryPoints: [ENTRY],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2017",
    legalComments: "none",
    banner: {
      js: `${license}\n// Built from client/cue/ by \`npm run build:cue-js\`: edit those files, not this one.`,
    },
    write: false,
  });
  return result.outputFiles[0].text;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(CUE_JS, bundleCueJs());
  console.log(`Wrote ${path.relative(root, CUE_JS)}`);
}
