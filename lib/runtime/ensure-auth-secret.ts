import { randomBytes } from "node:crypto";
import { prisma } from "@/lib/db/client";

/**
 * Every web instance must sign sessions with the same secret. NEXTAUTH_SECRET
 * wins; otherwise one is generated once and kept in the database, so any
 * number of instances sharing DATABASE_URL agree without configuration.
 */
export async function ensureAuthSecret(): Promise<string> {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const candidate = randomBytes(32).toString("base64url");
  // ON CONFLICT DO NOTHING: callers in several processes (or one process's web
  // and worker halves at start) race here, and the first insert wins for all.
  await prisma.appSetting.createMany({
    data: [{ key: "auth.secret", value: candidate }],
    skipDuplicates: true,
  });
  const row = await prisma.appSetting.findUniqueOrThrow({ where: { key: "auth.secret" } });
  process.env.NEXTAUTH_SECRET = row.value;
  return row.value;
}
