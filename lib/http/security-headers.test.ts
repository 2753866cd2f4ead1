import { describe, expect, it } from "vitest";
import {
  answerKindOf,
  HSTS,
  httpsSignals,
  newNonce,
  pageCsp,
  securityHeaders,
  servedOverHttps,
} from "./security-headers";

function directives(csp: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of csp.split(";")) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) {
      expect(map.has(name), `directive ${name} repeated`).toBe(false);
      map.set(name, values);
    }
  }
  return map;
}

describe("securityHeaders", () => {
  it("gives pages a nonce-based CSP that forbids framing, nosniff and a same-origin referrer", () => {
    const headers = securityHeaders("page", { https: false, nonce: "abc123==" });
    const csp = directives(headers["content-security-policy"] ?? "");
    expect(csp.get("script-src")).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
    expect(csp.get("default-src")).toEqual(["'self'"]);
    // Never unsafe-inline or unsafe-eval for scripts outside `next dev`.
    expect(csp.get("script-src")?.join(" ")).not.toMatch(/unsafe/);
    expect(csp.has("upgrade-insecure-requests")).toBe(false);
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("same-origin");
    expect(headers["strict-transport-security"]).toBeUndefined();
  });

  it("adds HSTS and upgrade-insecure-requests over HTTPS", () => {
    const headers = securityHeaders("page", { https: true, nonce: "n" });
    expect(headers["strict-transport-security"]).toBe(HSTS);
    expect(HSTS).toMatch(/^max-age=\d{8,}$/);
    expect(
      directives(headers["content-security-policy"] ?? "").has("upgrade-insecure-requests"),
    ).toBe(true);
    expect(securityHeaders("api", { https: true })["strict-transport-security"]).toBe(HSTS);
    expect(securityHeaders("script", { https: true })["strict-transport-security"]).toBe(HSTS);
  });

  it("allows eval and the dev websocket only in next dev", () => {
    const csp = directives(pageCsp({ https: false, nonce: "n", dev: true }));
    expect(csp.get("script-src")).toContain("'unsafe-eval'");
    expect(csp.get("connect-src")).toContain("ws:");
  });

  it("sends no referrer from public pages, whose URLs carry tokens", () => {
    const headers = securityHeaders("public-page", { https: false, nonce: "n" });
    expect(headers["referrer-policy"]).toBe("no-referrer");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(directives(headers["content-security-policy"] ?? "").get("frame-ancestors")).toEqual([
      "'none'",
    ]);
  });

  it("gives APIs a CSP that allows nothing and leaves CORS to the handler", () => {
    const headers = securityHeaders("api", { https: false });
    expect(headers["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("no-referrer");
    expect(headers["access-control-allow-origin"]).toBeUndefined();
    expect(headers["x-frame-options"]).toBeUndefined();
  });

  it("lets any site load cue.js", () => {
    const headers = securityHeaders("script", { https: false });
    expect(headers["cross-origin-resource-policy"]).toBe("cross-origin");
    expect(headers["access-control-allow-origin"]).toBe("*");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["content-security-policy"]).toBeUndefined();
    expect(headers["x-frame-options"]).toBeUndefined();
  });

  it("refuses to build a page CSP without a nonce", () => {
    expect(() => securityHeaders("page", { https: false })).toThrow(/nonce/);
  });
});

describe("newNonce", () => {
  it("is 128 random bits in base64, fresh each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});

describe("answerKindOf", () => {
  it.each([
    ["/cue.js", "script"],
    ["/api/v1/track", "api"],
    ["/api/v1/inbox", "api"],
    ["/api/unsubscribe/tok", "api"],
    ["/api/auth/session", "api"],
    ["/metrics", "api"],
    ["/v1/t", "api"],
    ["/v1/projects/wk_1/settings", "api"],
    ["/sourceConfig/", "api"],
    ["/v1x", "page"],
    ["/unsubscribe/tok", "public-page"],
    ["/sign-in", "page"],
    ["/w/abc/journeys", "page"],
    ["/", "page"],
    ["/apiary", "page"],
  ] as const)("%s is %s", (path, kind) => {
    expect(answerKindOf(path)).toBe(kind);
  });
});

describe("servedOverHttps", () => {
  const env = (values: Record<string, string>) => values;
  const header = (proto: string | null) => (name: string) =>
    name === "x-forwarded-proto" ? proto : null;

  it("is true when the public URL is https, whatever the request says", () => {
    expect(
      servedOverHttps(httpsSignals(env({ NEXTAUTH_URL: "https://cue.example" }), header(null))),
    ).toBe(true);
  });

  it("believes X-Forwarded-Proto only from a trusted proxy", () => {
    const url = { NEXTAUTH_URL: "http://localhost:3000" };
    expect(servedOverHttps(httpsSignals(env(url), header("https")))).toBe(false);
    expect(
      servedOverHttps(httpsSignals(env({ ...url, TRUST_PROXY: "true" }), header("https"))),
    ).toBe(true);
    expect(
      servedOverHttps(httpsSignals(env({ ...url, TRUST_PROXY: "1" }), header("https, http"))),
    ).toBe(true);
    expect(
      servedOverHttps(httpsSignals(env({ ...url, TRUST_PROXY: "true" }), header("http"))),
    ).toBe(false);
    expect(
      servedOverHttps(httpsSignals(env({ ...url, TRUST_PROXY: "false" }), header("https"))),
    ).toBe(false);
    expect(servedOverHttps(httpsSignals(env({ ...url, TRUST_PROXY: "true" }), header(null)))).toBe(
      false,
    );
  });
});
