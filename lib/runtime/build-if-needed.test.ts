import { mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { checkBuild, recordBuild, scanSources } from "./build-if-needed";

let root: string;

function write(relative: string, content: string): void {
  mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
  writeFileSync(path.join(root, relative), content);
}

/** Moves a file's mtime forward without changing its contents. */
function touch(relative: string): void {
  const file = path.join(root, relative);
  const later = new Date(statSync(file).mtimeMs + 5_000);
  utimesSync(file, later, later);
}

/** A tree that was built: sources, .next/BUILD_ID and the recorded manifest. */
function built(): void {
  write("app/page.tsx", "export default function Page() { return null; }\n");
  write("lib/a.ts", "export const a = 1;\n");
  write("lib/generated/prisma/client.ts", "export const client = 1;\n");
  write("package-lock.json", "{}\n");
  write(".next/BUILD_ID", "x");
  recordBuild(root, scanSources(root));
}

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "cue-build-"));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe("checkBuild", () => {
  it("wants a build when there is no build or no manifest", () => {
    write("lib/a.ts", "export const a = 1;\n");
    expect(checkBuild(root).current).toBe(false);
    write(".next/BUILD_ID", "x");
    expect(checkBuild(root).current).toBe(false);
  });

  it("is current when nothing changed, and reads no file to tell", () => {
    built();
    const { current, scan } = checkBuild(root);
    expect(current).toBe(true);
    expect(scan.reread).toBe(0);
  });

  it("stays current when files were only touched, and remembers their new mtimes", () => {
    built();
    touch("lib/a.ts");
    touch("lib/generated/prisma/client.ts");
    expect(checkBuild(root).current).toBe(true);
    // The refreshed manifest spares the next start from reading them again.
    const again = checkBuild(root);
    expect(again.current).toBe(true);
    expect(again.scan.reread).toBe(0);
  });

  it("wants a build when a file's contents change, and keeps wanting it until built", () => {
    built();
    write("lib/a.ts", "export const a = 2;\n");
    touch("lib/a.ts");
    expect(checkBuild(root).current).toBe(false);
    expect(checkBuild(root).current).toBe(false);
    write("lib/a.ts", "export const a = 1;\n");
    expect(checkBuild(root).current).toBe(true);
  });

  it("wants a build when a file is added or removed, the generated client included", () => {
    built();
    write("components/new.tsx", "export {};\n");
    expect(checkBuild(root).current).toBe(false);
    rmSync(path.join(root, "components"), { recursive: true });
    expect(checkBuild(root).current).toBe(true);
    write("lib/generated/prisma/client.ts", "export const client = 2;\n");
    expect(checkBuild(root).current).toBe(false);
  });

  it("ignores tests, node_modules and the data folder", () => {
    built();
    write("lib/a.test.ts", "test\n");
    write("lib/node_modules/x.js", "x\n");
    write("lib/.data/x", "x\n");
    expect(checkBuild(root).current).toBe(true);
  });
});
