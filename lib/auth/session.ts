import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { prisma } from "@/lib/db/client";
import type { Member } from "@/lib/generated/prisma/client";
import { authOptionsFor } from "./options";

/** The signed-in member, or null. */
export async function getCurrentMember(): Promise<Member | null> {
  const requestHeaders = await headers();
  const session = await getServerSession(authOptionsFor((name) => requestHeaders.get(name)));
  const id = (session?.user as { id?: string } | undefined)?.id;
  if (!id) return null;
  return prisma.member.findUnique({ where: { id } });
}

/** For pages: the member, or a redirect to sign-in. */
export async function requireMember(): Promise<Member> {
  const member = await getCurrentMember();
  if (!member) redirect("/sign-in");
  return member;
}
