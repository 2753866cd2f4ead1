// GET|POST /api/auth/* – next-auth (credentials), with sign-in rate limiting
import NextAuth from "next-auth";
import { errorBody } from "@/lib/api/errors";
import { authOptionsFor, clientIp } from "@/lib/auth/options";
import { signInBlockedFor } from "@/lib/auth/sign-in-limit";

type Context = { params: Promise<{ nextauth: string[] }> };

// Per request: whether cookies are Secure depends on how it arrived (authOptionsFor).
function nextAuth(request: Request, context: Context) {
  return NextAuth(authOptionsFor((name) => request.headers.get(name)))(request, context);
}

export function GET(request: Request, context: Context) {
  return nextAuth(request, context);
}

export async function POST(request: Request, context: Context) {
  const { nextauth } = await context.params;
  if (nextauth.join("/") === "callback/credentials") {
    const form = await request
      .clone()
      .formData()
      .catch(() => null);
    const email = String(form?.get("email") ?? "");
    const retryAfter = await signInBlockedFor(email, clientIp(request.headers));
    if (retryAfter !== null) {
      // `url` lets next-auth's client read the error like any other failure.
      const url = new URL("/sign-in?error=RateLimited", request.url).toString();
      return Response.json(
        { ...errorBody("rate_limited", "Too many sign-in attempts. Try again later."), url },
        { status: 429, headers: { "Retry-After": String(retryAfter) } },
      );
    }
  }
  return nextAuth(request, context);
}
