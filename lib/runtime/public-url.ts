// Links Cue hands out (invites, unsubscribe, snippets) must use the public
// URL, not whatever interface the server happens to listen on.
export function publicUrl(path: string, request?: Request): string {
  const base = process.env.NEXTAUTH_URL ?? (request ? new URL(request.url).origin : undefined);
  return new URL(path, base ?? "http://localhost:3000").toString();
}
