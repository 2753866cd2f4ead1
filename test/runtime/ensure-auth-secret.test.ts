import { afterEach, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { ensureAuthSecret } from "@/lib/runtime/ensure-auth-secret";

const saved = process.env.NEXTAUTH_SECRET;
afterEach(() => {
  if (saved === undefined) delete process.env.NEXTAUTH_SECRET;
  else process.env.NEXTAUTH_SECRET = saved;
});

it("callers racing on a fresh database all get the one stored secret, and none fails", async () => {
  await prisma.appSetting.deleteMany({ where: { key: "auth.secret" } });
  const secrets = await Promise.all(
    Array.from({ length: 12 }, async () => {
      delete process.env.NEXTAUTH_SECRET;
      return ensureAuthSecret();
    }),
  );
  const stored = await prisma.appSetting.findUniqueOrThrow({ where: { key: "auth.secret" } });
  expect(new Set(secrets)).toEqual(new Set([stored.value]));
});
