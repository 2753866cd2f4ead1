import "server-only";
import { randomBytes } from "node:crypto";
import { prisma } from "@/lib/db/client";
import type { ApiKeyKind, Workspace } from "@/lib/generated/prisma/client";

const PREFIX: Record<ApiKeyKind, string> = { write: "wk_", secret: "sk_" };

export function generateKey(kind: ApiKeyKind): string {
  return PREFIX[kind] + randomBytes(24).toString("base64url");
}

export async function findWorkspaceByKey(key: string, kind: ApiKeyKind): Promise<Workspace | null> {
  const row = await prisma.apiKey.findUnique({ where: { key }, include: { workspace: true } });
  if (!row || row.kind !== kind || row.revokedAt) return null;
  return row.workspace;
}

export async function getActiveKey(workspaceId: string, kind: ApiKeyKind): Promise<string | null> {
  const row = await prisma.apiKey.findFirst({
    where: { workspaceId, kind, revokedAt: null },
    orderBy: { createdAt: "desc" },
  });
  return row?.key ?? null;
}

/** Revokes the current key of that kind and returns the new one (shown once). */
export async function rotateKey(workspaceId: string, kind: ApiKeyKind): Promise<string> {
  const key = generateKey(kind);
  await prisma.$transaction([
    prisma.apiKey.updateMany({
      where: { workspaceId, kind, revokedAt: null },
      data: { revokedAt: new Date() },
    }),
    prisma.apiKey.create({ data: { workspaceId, kind, key } }),
  ]);
  return key;
}
