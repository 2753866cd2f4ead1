// The security headers of every answer, by what is answered. Pure: the proxy
// (proxy.ts, for what Next serves) and the handler table's doors
// (api-handler.ts, for what the custom server serves without Next) call it,
// so both paths send the same headers.
//
// - "page": the admin app, sign-in, setup, invites. A nonce-based CSP (Next
//   puts the nonce on its own inline scripts when the request carries the
//   CSP), no framing, referrers only to Cue itself.
// - "public-page": pages end users open from an email (unsubscribe,
//   preferences). The same CSP, and no referrer at all: their URL holds a
//   token.
// - "api": JSON APIs, the CORS ones (tracking, inbox) included. Nothing to
//   render, so a CSP that allows nothing; CORS headers are the handler's.
// - "script": cue.js, loaded by other sites' pages, so it may be read
//   cross-origin (CORP and CORS), and nothing else.

export type AnswerKind = "page" | "public-page" | "api" | "script";

export interface SecurityContext {
  /** Served over HTTPS (see servedOverHttps): adds HSTS and upgrade-insecure-requests. */
  https: boolean;
  /** `next dev`: its client needs eval and a websocket. */
  dev?: boolean;
  /** The page's script nonce; required for pages. */
  nonce?: string;
}

/** One year; no includeSubDomains, since the operator's other hosts are not Cue's to pin. */
export const HSTS = "max-age=31536000";

export function securityHeaders(
  kind: AnswerKind,
  context: SecurityContext,
): Record<string, string> {
  const headers: Record<string, string> = { "x-content-type-options": "nosniff" };
  if (context.https) headers["strict-transport-security"] = HSTS;
  switch (kind) {
    case "page":
    case "public-page":
      headers["content-security-policy"] = pageCsp(context);
      headers["x-frame-options"] = "DENY";
      headers["referrer-policy"] = kind === "page" ? "same-origin" : "no-referrer";
      return headers;
    case "api":
      headers["content-security-policy"] = "default-src 'none'; frame-ancestors 'none'";
      headers["referrer-policy"] = "no-referrer";
      return headers;
    case "script":
      headers["cross-origin-resource-policy"] = "cross-origin";
      headers["access-control-allow-origin"] = "*";
      headers["referrer-policy"] = "no-referrer";
      return headers;
    default: {
      const never: never = kind;
      throw new Error(`Unknown answer kind: ${String(never)}`);
    }
  }
}

/**
 * The CSP of a page. Scripts: only those carrying this request's nonce, and
 * what they load ('strict-dynamic': Next's chunks, cue.js on the demo page).
 * Styles: inline allowed, because React renders `style` attributes (the
 * builder's canvas, charts) and email previews carry their own <style>.
 * Images: any https source, because email previews show the email's own
 * images (in a sandboxed srcdoc frame, which inherits this policy).
 */
export function pageCsp({ nonce, dev = false, https }: SecurityContext): string {
  if (!nonce) throw new Error("A page's CSP needs a nonce.");
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  if (https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/** A fresh nonce: 128 random bits, base64. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

/** What kind of answer a path gets (for what Next serves; the handler table's are all "api"). */
export function answerKindOf(pathname: string): AnswerKind {
  if (pathname === "/cue.js") return "script";
  if (pathname === "/api" || pathname.startsWith("/api/") || pathname === "/metrics") return "api";
  // The tracking libraries' paths (lib/http/api-routes.ts).
  if (
    pathname === "/v1" ||
    pathname.startsWith("/v1/") ||
    pathname === "/sourceConfig" ||
    pathname.startsWith("/sourceConfig/")
  ) {
    return "api";
  }
  if (pathname.startsWith("/unsubscribe/")) return "public-page";
  return "page";
}

export interface HttpsSignals {
  /** The public URL Cue is reached at (NEXTAUTH_URL). */
  publicUrl: string | undefined;
  /** TRUST_PROXY: the request's X-Forwarded-Proto is believed. */
  trustProxy: boolean;
  /** The request's X-Forwarded-Proto header, if any. */
  forwardedProto: string | null;
}

/**
 * Whether the browser talks to Cue over HTTPS: the public URL says https, or
 * a trusted proxy says the request came in over https. Behind a proxy that
 * is not trusted, the header is anyone's to set, so it is ignored.
 */
export function servedOverHttps({ publicUrl, trustProxy, forwardedProto }: HttpsSignals): boolean {
  if (publicUrl?.trim().toLowerCase().startsWith("https://")) return true;
  if (!trustProxy || !forwardedProto) return false;
  return forwardedProto.split(",")[0]?.trim().toLowerCase() === "https";
}

/** Reads the signals from the environment and a header lookup. */
export function httpsSignals(
  env: Record<string, string | undefined>,
  header: (name: string) => string | null,
): HttpsSignals {
  const trust = (env.TRUST_PROXY ?? "").trim().toLowerCase();
  return {
    publicUrl: env.NEXTAUTH_URL,
    trustProxy: trust === "true" || trust === "1",
    forwardedProto: header("x-forwarded-proto"),
  };
}
