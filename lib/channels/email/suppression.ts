import type { Prisma } from "@/lib/generated/prisma/client";

type Db = Pick<Prisma.TransactionClient, "suppression">;

export function normalizeAddress(email: string): string {
  return email.trim().toLowerCase();
}

export async function isSuppressed(db: Db, workspaceId: string, email: string): Promise<boolean> {
  const row = await db.suppression.findUnique({
    where: { workspaceId_email: { workspaceId, email: normalizeAddress(email) } },
    select: { email: true },
  });
  return row !== null;
}

/** Adds the address; an existing entry (and its first reason) is kept. */
export async function suppressAddress(
  db: Db,
  input: { workspaceId: string; email: string; reason: string },
): Promise<void> {
  await db.suppression.createMany({
    data: [
      {
        workspaceId: input.workspaceId,
        email: normalizeAddress(input.email),
        reason: input.reason,
      },
    ],
    skipDuplicates: true,
  });
}
