import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import {
  existsSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { StartupError } from "@/lib/startup-error";

// `npm start` builds only when the sources changed since the last build. The
// fingerprint is a hash of every input file's contents. A manifest in .next/
// remembers each file's size, mtime and hash, so a file whose size and mtime
// are unchanged is not read again, and a file that was only touched (a branch
// switch, a merge, `npm ci` regenerating the Prisma client) hashes the same
// and causes no build.
const INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "next.config.js",
  "postcss.config.mjs",
  "tsconfig.json",
  "tsconfig.build.json",
  "package-lock.json",
];
const SKIP = new Set(["node_modules", ".next", ".data"]);
const MANIFEST = ".next/cue-build-manifest.json";

type FileEntry = [size: number, mtimeMs: number, sha256: string];

export interface SourceManifest {
  fingerprint: string;
  files: Record<string, FileEntry>;
}

/**
 * Hashes every input file, reusing the hash in `previous` for files whose
 * size and mtime match it. `reread` counts the files that were read.
 */
export function scanSources(
  root: string,
  previous: SourceManifest["files"] = {},
): SourceManifest & { reread: number } {
  const files: Record<string, FileEntry> = {};
  const fingerprint = createHash("sha256");
  let reread = 0;
  const visit = (relative: string) => {
    const full = path.join(root, relative);
    if (!existsSync(full)) return;
    const stat = statSync(full);
    if (stat.isDirectory()) {
      for (const name of readdirSync(full).sort()) {
        if (!SKIP.has(name) && !name.endsWith(".test.ts")) visit(path.join(relative, name));
      }
      return;
    }
    const known = previous[relative];
    let hash = known?.[2];
    if (!known || known[0] !== stat.size || known[1] !== stat.mtimeMs) {
      hash = createHash("sha256").update(readFileSync(full)).digest("hex");
      reread++;
    }
    files[relative] = [stat.size, stat.mtimeMs, hash as string];
    fingerprint.update(`${relative}\0${hash}\n`);
  };
  for (const input of INPUTS) visit(input);
  return { fingerprint: fingerprint.digest("hex"), files, reread };
}

function readManifest(root: string): SourceManifest | null {
  try {
    const manifest = JSON.parse(readFileSync(path.join(root, MANIFEST), "utf8")) as SourceManifest;
    return typeof manifest.fingerprint === "string" && manifest.files ? manifest : null;
  } catch {
    return null;
  }
}

/** Records `manifest` as the sources of the build now in .next. */
export function recordBuild(root: string, manifest: SourceManifest): void {
  const file = path.join(root, MANIFEST);
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(
    temporary,
    JSON.stringify({ fingerprint: manifest.fingerprint, files: manifest.files }),
  );
  renameSync(temporary, file);
}

/**
 * Whether .next holds a build of the current sources. Returns the scan so a
 * build can record it; refreshes the manifest when files were only touched.
 */
export function checkBuild(root: string): {
  current: boolean;
  scan: ReturnType<typeof scanSources>;
} {
  const previous = existsSync(path.join(root, ".next/BUILD_ID")) ? readManifest(root) : null;
  const scan = scanSources(root, previous?.files);
  const current = previous !== null && previous.fingerprint === scan.fingerprint;
  if (current && scan.reread > 0) {
    try {
      recordBuild(root, scan);
    } catch {
      // Only saves re-reading those files next time; a read-only .next is fine.
    }
  }
  return { current, scan };
}

export async function buildIfNeeded(root: string, log: (line: string) => void): Promise<boolean> {
  const { current, scan } = checkBuild(root);
  if (current) return false;
  log("Building Cue (first start or sources changed; this takes about a minute)…");
  const nextBin = path.join(root, "node_modules/next/dist/bin/next");
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [nextBin, "build"], {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    // A start that fails or is stopped meanwhile must not leave a build running.
    const stopChild = () => child.kill();
    process.once("exit", stopChild);
    child.on("exit", (code) => {
      process.removeListener("exit", stopChild);
      return code === 0
        ? resolve()
        : reject(new StartupError(`next build failed (exit code ${code}).`));
    });
    child.on("error", reject);
  });
  recordBuild(root, scan);
  return true;
}
