import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { httpsSignals, servedOverHttps } from "@/lib/http/security-headers";
import { verifyPassword } from "./password";
import { recordFailedSignIn } from "./sign-in-limit";

export const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid email address."),
  password: z.string().min(1, "Enter your password."),
});

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 30 * 24 * 3600 },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
      },
      async authorize(credentials, req) {
        const parsed = credentialsSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const member = await prisma.member.findUnique({ where: { email } });
        const ok = member ? await verifyPassword(password, member.passwordHash) : false;
        if (!member || !ok) {
          await recordFailedSignIn(email, clientIp(req?.headers));
          return null;
        }
        return { id: member.id, email: member.email, name: member.name };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
      return session;
    },
  },
};

/**
 * The options for one request: cookies are `Secure` (and `__Secure-`/`__Host-`
 * prefixed) when the browser reaches Cue over HTTPS — NEXTAUTH_URL is https,
 * or a trusted proxy (TRUST_PROXY) says so in X-Forwarded-Proto. Signing in
 * and reading the session both ask, so they agree on the cookie's name.
 */
export function authOptionsFor(header: (name: string) => string | null): NextAuthOptions {
  return { ...authOptions, useSecureCookies: servedOverHttps(httpsSignals(process.env, header)) };
}

type HeaderBag = Record<string, string | string[] | undefined> | Headers | undefined;

export function clientIp(headers: HeaderBag): string {
  const get = (name: string): string | undefined => {
    if (!headers) return undefined;
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const forwarded = get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || get("x-real-ip") || "local";
}
