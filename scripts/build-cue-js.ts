// npm run build:cue-js – bundles client/cue/ into public/cue.js, the one
// file sites embed. The output is committed, so `npm start` serves it as-is;
// scripts/build-cue-js.test.ts fails when it is out of date or over budget.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { buildSync } from "esbuild";

const root = path.resolve(import.meta.dirname, "..");
const ENTRY = path.join(root, "client/cue/index.ts");
export const CUE_JS = path.join(root, "public/cue.js");
/** What sites download, gzipped. Raise it only with a reason in the commit. */
export const CUE_JS_GZIP_BUDGET = 10 * 1024;

/** public/cue.js as client/cue/ builds it (one ES2017 script, readable, not minified), and its inputs. */
export function buildCueJs(): { code: string; inputs: string[] } {
  // The entry's leading /*! … */ comment heads the file; esbuild drops comments.
  const license = /^\/\*![\s\S]*?\*\//.exec(readFileSync(ENTRY, "utf8"))?.[0] ?? "";
  const result = buildSync({
    absWorkingDir: root,
    entryPoints: [ENTRY],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2017",
    legalComments: "none",
    banner: {
      js: `${license}\n// Built from client/cue/ by \`npm run build:cue-js\`: edit those files, not this one.`,
    },
    metafile: true,
    write: false,
  });
  return { code: result.outputFiles[0].text, inputs: Object.keys(result.metafile.inputs) };
}

export function gzippedSize(code: string): number {
  return gzipSync(code).length;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { code } = buildCueJs();
  writeFileSync(CUE_JS, code);
  const size = gzippedSize(code);
  console.log(
    `Wrote ${path.relative(root, CUE_JS)}: ${Buffer.byteLength(code)} bytes, ${size} gzipped (budget ${CUE_JS_GZIP_BUDGET}).`,
  );
  if (size > CUE_JS_GZIP_BUDGET) process.exitCode = 1;
}
