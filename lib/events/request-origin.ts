import "server-only";
import { headers } from "next/headers";

/**
 * The origin the admin is using (behind a proxy too), for snippets that must
 * point back at this Cue; NEXTAUTH_URL when the request does not say.
 */
export async function requestOrigin(): Promise<string> {
  const list = await headers();
  const host = list.get("x-forwarded-host") ?? list.get("host");
  if (host) {
    const proto =
      list.get("x-forwarded-proto")?.split(",")[0]?.trim() ??
      (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
    return `${proto}://${host.split(",")[0]?.trim()}`;
  }
  return process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
}
