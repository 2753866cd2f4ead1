import type { RawDb } from "@/lib/db/sql";

export function normalizeAddress(email: string): string {
  return email.trim().toLowerCase();
}

export async function isSuppressed(
  db: RawDb,
  workspaceId: string,
  email: string,
): Promise<boolean> {
  const rows = await db.$queryRaw<{ email: string }[]>`
    SELECT email FROM suppressions
    WHERE "workspaceId" = ${workspaceId} AND email = ${normalizeAddress(email)}`;
  return rows.length > 0;
}

/** Adds the address; an existing entry (and its first reason) is kept. */
export async function suppressAddress(
  db: RawDb,
  input: { workspaceId: string; email: string; reason: string },
): Promise<void> {
  await db.$executeRaw`
    INSERT INTO suppressions ("workspaceId", email, reason, "createdAt")
    VALUES (${input.workspaceId}, ${normalizeAddress(input.email)}, ${input.reason}, ${new Date()}::timestamp(3))
    ON CONFLICT DO NOTHING`;
}
