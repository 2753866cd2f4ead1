import "server-only";
import { ApiError } from "@/lib/api/errors";
import { hashPassword } from "@/lib/auth/password";
import { withAdvisoryLock } from "@/lib/db/advisory-lock";
import { prisma } from "@/lib/db/client";
import { type CreatedWorkspace, createWorkspace } from "./create-workspace";
import type { SetupInput } from "./setup-schema";

export { type SetupInput, setupSchema } from "./setup-schema";

// A fixed advisory-lock key so that two instances (or two browser tabs)
// racing through first-run setup cannot both create an owner.
const SETUP_LOCK = 4_242_001;

export async function isSetupNeeded(): Promise<boolean> {
  return (await prisma.member.count()) === 0;
}

/** First run only: creates the owner and the first workspace. */
export async function setupOwner(
  input: SetupInput,
  keys: { writeKey?: string; secretKey?: string } = {},
): Promise<CreatedWorkspace & { memberId: string }> {
  const passwordHash = await hashPassword(input.password);
  // The lock is held until the transaction below has committed, so a racing
  // setup waits for it and then finds the owner.
  return withAdvisoryLock(SETUP_LOCK, () =>
    prisma.$transaction(async (tx) => {
      if ((await tx.member.count()) > 0) {
        throw new ApiError("conflict", "Cue is already set up. Sign in instead.");
      }
      const member = await tx.member.create({
        data: { email: input.email, name: input.name || null, passwordHash },
      });
      const workspace = await createWorkspace(
        { name: input.workspaceName, ownerId: member.id, ...keys },
        tx,
      );
      return { ...workspace, memberId: member.id };
    }),
  );
}
