import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  computeUserHash,
  issueInboxToken,
  readInboxTokenClaims,
  verifyInboxToken,
  verifyUserHash,
} from "./inbox-token";

const SECRET = "iss_test_secret";
const now = new Date("2026-01-01T12:00:00Z");

describe("user_hash", () => {
  it("is the lowercase hex HMAC-SHA256 of the user id (what app backends compute)", () => {
    const expected = createHmac("sha256", SECRET).update("user_42").digest("hex");
    expect(computeUserHash(SECRET, "user_42")).toBe(expected);
    expect(verifyUserHash(SECRET, "user_42", expected)).toBe(true);
  });

  it.each([
    ["another user's hash", computeUserHash(SECRET, "user_43")],
    ["uppercase", computeUserHash(SECRET, "user_42").toUpperCase()],
    ["truncated", computeUserHash(SECRET, "user_42").slice(0, 63)],
    ["another key", computeUserHash("sk_other", "user_42")],
    ["empty", ""],
  ])("rejects %s", (_name, hash) => {
    expect(verifyUserHash(SECRET, "user_42", hash)).toBe(false);
  });

  it("accepts a hash made with any of the valid secrets (a rotation's grace period)", () => {
    const old = computeUserHash("iss_previous", "user_42");
    expect(verifyUserHash([SECRET, "iss_previous"], "user_42", old)).toBe(true);
    expect(verifyUserHash([SECRET], "user_42", old)).toBe(false);
    expect(verifyUserHash([], "user_42", old)).toBe(false);
  });
});

describe("inbox tokens", () => {
  const issue = (overrides: Partial<Parameters<typeof issueInboxToken>[0]> = {}) =>
    issueInboxToken({
      signingSecret: SECRET,
      workspaceId: "ws_1",
      userId: "ada",
      ttlSeconds: 3600,
      now,
      ...overrides,
    });

  it("round-trips its claims until it expires", () => {
    const { token, expiresAt } = issue();
    expect(expiresAt.toISOString()).toBe("2026-01-01T13:00:00.000Z");
    expect(verifyInboxToken(token, SECRET, now)).toEqual({
      w: "ws_1",
      u: "ada",
      exp: expiresAt.getTime() / 1000,
    });
    expect(verifyInboxToken(token, SECRET, new Date("2026-01-01T12:59:59Z"))).not.toBeNull();
    expect(verifyInboxToken(token, SECRET, new Date("2026-01-01T13:00:00Z"))).toBeNull();
  });

  it("rejects another key's signature and any edited byte", () => {
    const { token } = issue();
    expect(verifyInboxToken(token, "iss_other", now)).toBeNull();
    expect(verifyInboxToken(token, ["iss_other", SECRET], now)).not.toBeNull();
    expect(verifyInboxToken(token, [], now)).toBeNull();
    for (let i = 0; i < token.length; i++) {
      if (token[i] === ".") continue;
      const edited = token.slice(0, i) + (token[i] === "A" ? "B" : "A") + token.slice(i + 1);
      expect(verifyInboxToken(edited, SECRET, now), `byte ${i}`).toBeNull();
    }
  });

  it("rejects a payload re-signed by someone without the key", () => {
    const { token } = issue();
    const [, signature] = token.split(".");
    const forged = Buffer.from(
      JSON.stringify({ w: "ws_1", u: "bob", exp: 9_999_999_999 }),
    ).toString("base64url");
    expect(verifyInboxToken(`${forged}.${signature}`, SECRET, now)).toBeNull();
  });

  it("reads claims of well-formed tokens only", () => {
    expect(readInboxTokenClaims("garbage")).toBeNull();
    expect(readInboxTokenClaims("a.b.c")).toBeNull();
    const notJson = `${Buffer.from("hi").toString("base64url")}.${"A".repeat(43)}`;
    expect(readInboxTokenClaims(notJson)).toBeNull();
    expect(readInboxTokenClaims(issue().token)?.u).toBe("ada");
  });
});
