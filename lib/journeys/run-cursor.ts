import type { JourneyRun } from "@/lib/generated/prisma/client";

// The opaque keyset cursor of run lists (a journey's runs, a profile's runs).

/** Keyset cursor over (enteredAt desc, id desc). */
export function encodeRunCursor(run: Pick<JourneyRun, "enteredAt" | "id">): string {
  return Buffer.from(`${run.enteredAt.toISOString()}|${run.id}`).toString("base64url");
}

export function decodeRunCursor(cursor: string): { enteredAt: Date; id: string } | null {
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const enteredAt = new Date(at ?? "");
  return id && !Number.isNaN(enteredAt.getTime()) ? { enteredAt, id } : null;
}
