import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { StartupError } from "@/lib/startup-error";

// `npm start` builds only when the sources changed since the last build: a
// fingerprint of every input file (path, size, mtime) is kept in .next/.
const INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "next.config.js",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
];
const SKIP = new Set(["node_modules", ".next", "generated", ".data"]);
const STAMP = ".next/cue-build-fingerprint";

export function sourceFingerprint(root: string): string {
  const hash = createHash("sha256");
  const visit = (relative: string) => {
    const full = path.join(root, relative);
    if (!existsSync(full)) return;
    const stat = statSync(full);
    if (stat.isDirectory()) {
      for (const name of readdirSync(full).sort()) {
        if (!SKIP.has(name) && !name.endsWith(".test.ts")) visit(path.join(relative, name));
      }
    } else {
      hash.update(`${relative}\0${stat.size}\0${stat.mtimeMs}\n`);
    }
  };
  for (const input of INPUTS) visit(input);
  return hash.digest("hex");
}

export function isBuildCurrent(root: string): boolean {
  const stamp = path.join(root, STAMP);
  if (!existsSync(path.join(root, ".next/BUILD_ID")) || !existsSync(stamp)) return false;
  return readFileSync(stamp, "utf8").trim() === sourceFingerprint(root);
}

export async function buildIfNeeded(root: string, log: (line: string) => void): Promise<boolean> {
  if (isBuildCurrent(root)) return false;
  const fingerprint = sourceFingerprint(root);
  log("Building Cue (first start or sources changed; this takes about a minute)…");
  const nextBin = path.join(root, "node_modules/next/dist/bin/next");
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [nextBin, "build"], {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new StartupError(`next build failed (exit code ${code}).`)),
    );
    child.on("error", reject);
  });
  writeFileSync(path.join(root, STAMP), fingerprint);
  return true;
}
