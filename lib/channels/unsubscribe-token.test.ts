import { describe, expect, it } from "vitest";
import { signUnsubscribeTokenWith, verifyUnsubscribeTokenWith } from "./unsubscribe-token";

const subject = { workspaceId: "cmws123", profileId: "0b7c6a52-3f1e-4d2b-9a8c-1d2e3f4a5b6c" };

describe("unsubscribe tokens", () => {
  it("round-trips", () => {
    const token = signUnsubscribeTokenWith("secret", subject);
    expect(verifyUnsubscribeTokenWith("secret", token)).toEqual(subject);
    expect(token).toMatch(/^[A-Za-z0-9._-]+$/);
  });

  it("rejects another secret, tampered ids and junk", () => {
    const token = signUnsubscribeTokenWith("secret", subject);
    expect(verifyUnsubscribeTokenWith("other", token)).toBeNull();
    const [, , mac] = token.split(".");
    const otherProfile = "1b7c6a52-3f1e-4d2b-9a8c-1d2e3f4a5b6c";
    expect(
      verifyUnsubscribeTokenWith("secret", `${subject.workspaceId}.${otherProfile}.${mac}`),
    ).toBeNull();
    expect(verifyUnsubscribeTokenWith("secret", `cmother.${subject.profileId}.${mac}`)).toBeNull();
    for (const junk of ["", "a.b", "preview", `${token}x`, token.slice(0, -1)]) {
      expect(verifyUnsubscribeTokenWith("secret", junk)).toBeNull();
    }
  });
});
