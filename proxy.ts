// Next's proxy (Next 16's name for middleware): the security headers of
// everything Next serves (lib/http/security-headers.ts). A page gets a fresh
// nonce: it goes into the request's CSP header, which is where Next looks for
// it when it renders its own inline scripts, and into the answer's. What the
// custom server answers without Next (the handler table) gets the same
// headers from lib/http/api-handler.ts. Authorisation is not done here.
import { type NextRequest, NextResponse } from "next/server";
import {
  answerKindOf,
  httpsSignals,
  newNonce,
  securityHeaders,
  servedOverHttps,
} from "@/lib/http/security-headers";

export function proxy(request: NextRequest): NextResponse {
  const kind = answerKindOf(request.nextUrl.pathname);
  const https = servedOverHttps(httpsSignals(process.env, (name) => request.headers.get(name)));
  const dev = process.env.NODE_ENV === "development";
  if (kind === "page" || kind === "public-page") {
    const nonce = newNonce();
    const headers = securityHeaders(kind, { https, dev, nonce });
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set("x-nonce", nonce);
    requestHeaders.set("content-security-policy", headers["content-security-policy"] ?? "");
    const response = NextResponse.next({ request: { headers: requestHeaders } });
    for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
    return response;
  }
  const response = NextResponse.next();
  for (const [name, value] of Object.entries(securityHeaders(kind, { https, dev }))) {
    response.headers.set(name, value);
  }
  return response;
}

export const config = {
  // Next's build output is hashed, immutable and same-origin: it needs none of this.
  matcher: ["/((?!_next/static|_next/image).*)"],
};
