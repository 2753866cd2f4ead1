import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { ApiError } from "@/lib/api/errors";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

// The workspace's inbox signing secret (Intercom's "identity verification
// secret"): the key of the HMACs that prove an end user to the inbox, the
// user_hash the customer's server computes and the tokens Cue issues. It is
// not an API key: it authorises nothing by itself, and admins read it in
// Settings, since the customer's servers need its text. A rotation keeps the
// previous secret valid for a grace period (24 h by default), so feeds keep
// working while the customer deploys the new one; `graceHours: 0` ends the
// old one at once (a leak). Rotating again within the grace period replaces
// the previous secret: two secrets are valid at most.

export const DEFAULT_GRACE_HOURS = 24;
const MAX_GRACE_HOURS = 24 * 7;

export const rotateInboxSecretSchema = z
  .object({
    graceHours: z
      .number({ message: "graceHours must be a number of hours." })
      .int("graceHours must be a whole number of hours.")
      .min(0, "graceHours must be 0 or more.")
      .max(MAX_GRACE_HOURS, `graceHours must be at most ${MAX_GRACE_HOURS} (a week).`)
      .default(DEFAULT_GRACE_HOURS),
  })
  .strict();

export function generateInboxSigningSecret(): string {
  return `iss_${randomBytes(32).toString("base64url")}`;
}

export interface InboxSigningSecretInfo {
  secret: string;
  rotatedAt: Date;
  /** The previous secret while it is still accepted, else null. */
  previous: { secret: string; expiresAt: Date } | null;
}

/** The secrets a proof is checked against at `now`: the current one first. */
export function validSecrets(
  row: { secret: string; previousSecret: string | null; previousSecretExpiresAt: Date | null },
  now: Date,
): string[] {
  const previousValid =
    row.previousSecret !== null &&
    row.previousSecretExpiresAt !== null &&
    row.previousSecretExpiresAt.getTime() > now.getTime();
  return previousValid ? [row.secret, row.previousSecret as string] : [row.secret];
}

/** The secret a new workspace starts with, inside its create. */
export function newInboxSigningSecret(
  secret = generateInboxSigningSecret(),
): Prisma.InboxSigningSecretCreateWithoutWorkspaceInput {
  return { secret };
}

/**
 * The workspace's secret, created if missing (a workspace made by hand or
 * by an old fixture), so Settings always has one to show.
 */
export async function getInboxSigningSecret(
  workspaceId: string,
  now: Date = new Date(),
): Promise<InboxSigningSecretInfo> {
  const row =
    (await prisma.inboxSigningSecret.findUnique({ where: { workspaceId } })) ??
    (await prisma.inboxSigningSecret.upsert({
      where: { workspaceId },
      create: { workspaceId, secret: generateInboxSigningSecret() },
      update: {},
    }));
  return toInfo(row, now);
}

/** The secret to sign with now (tokens, the demo page's user_hash). */
export async function currentInboxSigningSecret(workspaceId: string): Promise<string> {
  return (await getInboxSigningSecret(workspaceId)).secret;
}

export async function rotateInboxSigningSecret(
  workspaceId: string,
  input: { graceHours?: number } = {},
  now: Date = new Date(),
): Promise<InboxSigningSecretInfo> {
  const graceHours = input.graceHours ?? DEFAULT_GRACE_HOURS;
  const current = await getInboxSigningSecret(workspaceId, now);
  // Guarded by the secret read: of two rotations at once one wins and the
  // other is told, rather than both keeping "their" previous secret.
  const { count } = await prisma.inboxSigningSecret.updateMany({
    where: { workspaceId, secret: current.secret },
    data: {
      secret: generateInboxSigningSecret(),
      previousSecret: graceHours > 0 ? current.secret : null,
      previousSecretExpiresAt:
        graceHours > 0 ? new Date(now.getTime() + graceHours * 3600_000) : null,
      rotatedAt: now,
    },
  });
  if (count === 0) {
    throw new ApiError("conflict", "The inbox signing secret was rotated meanwhile; reload.");
  }
  return getInboxSigningSecret(workspaceId, now);
}

/** Ends the grace period of the previous secret now. */
export async function revokePreviousInboxSigningSecret(
  workspaceId: string,
  now: Date = new Date(),
): Promise<InboxSigningSecretInfo> {
  await prisma.inboxSigningSecret.updateMany({
    where: { workspaceId },
    data: { previousSecret: null, previousSecretExpiresAt: null },
  });
  return getInboxSigningSecret(workspaceId, now);
}

function toInfo(
  row: {
    secret: string;
    previousSecret: string | null;
    previousSecretExpiresAt: Date | null;
    rotatedAt: Date;
  },
  now: Date,
): InboxSigningSecretInfo {
  const [, previous] = validSecrets(row, now);
  return {
    secret: row.secret,
    rotatedAt: row.rotatedAt,
    previous:
      previous && row.previousSecretExpiresAt
        ? { secret: previous, expiresAt: row.previousSecretExpiresAt }
        : null,
  };
}
