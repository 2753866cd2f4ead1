import { describe, expect, it } from "vitest";
import { isHardBounce, STATUS_RANK, webhookEffect } from "./webhook-events";

describe("webhookEffect", () => {
  it.each([
    ["email.delivered", "delivered"],
    ["email.delivery_delayed", "delivery_delayed"],
    ["email.opened", "opened"],
    ["email.clicked", "clicked"],
    ["email.complained", "complained"],
    ["email.bounced", "bounced"],
    ["email.sent", "sent"],
    ["email.failed", "failed"],
  ])("%s sets %s", (type, status) => {
    expect(webhookEffect({ type, data: {} })).toMatchObject({ kind: "apply", status });
  });

  it("suppresses on complaints and hard bounces only", () => {
    expect(webhookEffect({ type: "email.complained" })).toMatchObject({ suppress: "complaint" });
    expect(
      webhookEffect({ type: "email.bounced", data: { bounce: { type: "Permanent" } } }),
    ).toMatchObject({
      suppress: "hard_bounce",
    });
    const soft = webhookEffect({
      type: "email.bounced",
      data: { bounce: { type: "Transient", message: "Mailbox full" } },
    });
    expect(soft).toMatchObject({
      kind: "apply",
      status: "bounced",
      error: "Bounced: Mailbox full",
    });
    expect(soft.kind === "apply" && soft.suppress).toBeUndefined();
  });

  it("ignores unknown types, including prototype names", () => {
    for (const type of ["contact.created", "email.teleported", "constructor", "__proto__", ""]) {
      expect(webhookEffect({ type })).toMatchObject({ kind: "ignore" });
    }
  });

  it("ranks engagement above delivery and provider failures above both", () => {
    expect(STATUS_RANK.opened).toBeGreaterThan(STATUS_RANK.delivered);
    expect(STATUS_RANK.clicked).toBeGreaterThan(STATUS_RANK.opened);
    expect(STATUS_RANK.bounced).toBeGreaterThan(STATUS_RANK.clicked);
    expect(STATUS_RANK.delivered).toBeGreaterThan(STATUS_RANK.failed);
  });

  it("classifies bounce types", () => {
    expect(isHardBounce("Permanent")).toBe(true);
    expect(isHardBounce(undefined)).toBe(true);
    expect(isHardBounce("Transient")).toBe(false);
    expect(isHardBounce("Undetermined")).toBe(false);
  });
});
