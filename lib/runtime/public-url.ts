// Links Cue hands out (invites, unsubscribe, snippets) must use the public
// URL, not whatever interface the server happens to listen on.
export function publicUrl(path: string, request?: Request): string {
  const base = process.env.NEXTAUTH_URL ?? (request ? new URL(request.url).origin : undefined);
  return new URL(path, base ?? "http://localhost:3000").toString();
}

/** The link on the configured public URL (NEXTAUTH_URL); null when none is set. */
export function configuredPublicUrl(path: string): string | null {
  const base = process.env.NEXTAUTH_URL;
  return base ? new URL(path, base).toString() : null;
}
