import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { ApiError } from "@/lib/api/errors";
import { prisma } from "@/lib/db/client";
import type { ApiKeyKind, Prisma, Workspace } from "@/lib/generated/prisma/client";

// API keys. Write keys are public (they ship in browser code, like Segment's
// write keys and Stripe's publishable keys), so their text is kept and shown
// on the Sources page. Secret keys are stored as their SHA-256 only, with a
// short prefix to tell them apart: the full key is shown once, when it is
// made (workspace creation, rotation, a new named key), and never again.
// A fast hash is right here: the keys are 192 random bits, so there is no
// dictionary to slow down, and every server-to-server request looks one up.

const PREFIX: Record<ApiKeyKind, string> = { write: "wk_", secret: "sk_" };
const PREFIX_LENGTH = 8;

export function generateKey(kind: ApiKeyKind): string {
  return PREFIX[kind] + randomBytes(24).toString("base64url");
}

/** Lowercase hex SHA-256 of the key's UTF-8 bytes (the migration hashes the same way). */
export function hashKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

export function keyPrefix(key: string): string {
  return key.slice(0, PREFIX_LENGTH);
}

/** The row to store for a key: its text only when it is a (public) write key. */
export function keyRow(kind: ApiKeyKind, key: string, name = "") {
  return {
    kind,
    key: kind === "write" ? key : null,
    keyHash: hashKey(key),
    prefix: keyPrefix(key),
    name,
  };
}

export async function findWorkspaceByKey(key: string, kind: ApiKeyKind): Promise<Workspace | null> {
  const row = await prisma.apiKey.findUnique({
    where: { keyHash: hashKey(key) },
    include: { workspace: true },
  });
  if (!row || row.kind !== kind || row.revokedAt) return null;
  return row.workspace;
}

/** The workspace's newest active write key (public, so its text is kept). */
export async function getWriteKey(workspaceId: string): Promise<string | null> {
  const row = await prisma.apiKey.findFirst({
    where: { workspaceId, kind: "write", revokedAt: null },
    orderBy: { createdAt: "desc" },
    select: { key: true },
  });
  return row?.key ?? null;
}

export interface SecretKeyInfo {
  id: string;
  name: string;
  /** "sk_AbCde…": the stored prefix; the rest of the key is not stored. */
  hint: string;
  createdAt: Date;
}

export function keyHint(prefix: string): string {
  return `${prefix}…`;
}

/** The active secret keys, newest first, as far as they are known: prefix and name. */
export async function listSecretKeys(workspaceId: string): Promise<SecretKeyInfo[]> {
  const rows = await prisma.apiKey.findMany({
    where: { workspaceId, kind: "secret", revokedAt: null },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, prefix: true, createdAt: true },
  });
  return rows.map(({ prefix, ...row }) => ({ ...row, hint: keyHint(prefix) }));
}

/**
 * Revokes the active keys of that kind and returns the new one. For a secret
 * key this answer is the only time its text exists outside the caller's
 * hands. Additional named secret keys are left alone: rotation replaces the
 * default key(s) (name "").
 */
export async function rotateKey(workspaceId: string, kind: ApiKeyKind): Promise<string> {
  const key = generateKey(kind);
  await prisma.$transaction([
    prisma.apiKey.updateMany({
      where: { workspaceId, kind, revokedAt: null, ...(kind === "secret" ? { name: "" } : {}) },
      data: { revokedAt: new Date() },
    }),
    prisma.apiKey.create({ data: { workspaceId, ...keyRow(kind, key) } }),
  ]);
  return key;
}

export const MAX_SECRET_KEYS = 20;

/** An additional secret key with a name (one per service), shown once. */
export async function createNamedSecretKey(
  workspaceId: string,
  name: string,
): Promise<{ id: string; key: string; name: string; hint: string }> {
  const active = await prisma.apiKey.count({
    where: { workspaceId, kind: "secret", revokedAt: null },
  });
  if (active >= MAX_SECRET_KEYS) {
    throw new ApiError(
      "conflict",
      `A workspace has at most ${MAX_SECRET_KEYS} active secret keys; revoke one first.`,
    );
  }
  const key = generateKey("secret");
  const row = await prisma.apiKey.create({
    data: { workspaceId, ...keyRow("secret", key, name) },
    select: { id: true, prefix: true },
  });
  return { id: row.id, key, name, hint: keyHint(row.prefix) };
}

/** Revokes one secret key of the workspace (404 for another workspace's key or a revoked one). */
export async function revokeSecretKey(workspaceId: string, id: string): Promise<void> {
  const { count } = await prisma.apiKey.updateMany({
    where: { id, workspaceId, kind: "secret", revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw new ApiError("not_found", "No active secret key with that id.");
}

/** The key rows of a new workspace, inside its create. */
export function newWorkspaceKeys(keys: {
  writeKey: string;
  secretKey: string;
}): Prisma.ApiKeyCreateWithoutWorkspaceInput[] {
  return [keyRow("write", keys.writeKey), keyRow("secret", keys.secretKey)];
}
