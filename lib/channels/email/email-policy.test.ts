import { describe, expect, it } from "vitest";
import { decideEmail, type EmailFacts } from "./email-policy";

const base: EmailFacts = {
  toAddress: "a@example.com",
  suppressed: false,
  unsubscribed: false,
  transactional: false,
  hasApiKey: true,
};

describe("decideEmail", () => {
  it.each<[string, Partial<EmailFacts>, string]>([
    ["a normal email is queued", {}, "queued"],
    ["without a key it goes to the outbox", { hasApiKey: false }, "outbox"],
    ["no address is skipped", { toAddress: null }, "skipped"],
    ["a suppressed address is skipped", { suppressed: true }, "skipped"],
    [
      "suppression applies to transactional mail too",
      { suppressed: true, transactional: true },
      "skipped",
    ],
    ["unsubscribed marketing is skipped", { unsubscribed: true }, "skipped"],
    ["unsubscribed transactional is sent", { unsubscribed: true, transactional: true }, "queued"],
  ])("%s", (_name, facts, status) => {
    expect(decideEmail({ ...base, ...facts }).status).toBe(status);
  });

  it("says why it skipped", () => {
    expect(decideEmail({ ...base, unsubscribed: true })).toEqual({
      status: "skipped",
      reason: "The profile unsubscribed from marketing email.",
    });
  });
});
