import { describe, expect, it } from "vitest";
import { auditEmails, triggerNumber } from "./soak-audit";

const delivery = (n: number | null, messageId: string, key: string) => ({ n, messageId, key });

describe("auditEmails", () => {
  it("all accepted triggers delivered once and sent: nothing lost or duplicated", () => {
    const audit = auditEmails({
      accepted: [1, 2],
      messages: [
        { id: "m1", status: "sent", n: 1 },
        { id: "m2", status: "sent", n: 2 },
      ],
      deliveries: [delivery(1, "m1", "k1"), delivery(2, "m2", "k2")],
      acceptedRequestKeys: ["k1", "k2", "k2"],
    });
    expect(audit).toMatchObject({ expected: 2, delivered: 2, lost: 0, duplicated: 0 });
    expect(audit.repeatedKeys).toBe(1);
  });

  it("a trigger never sent and a message left failed both count as lost", () => {
    const audit = auditEmails({
      accepted: [1, 2, 3],
      messages: [
        { id: "m1", status: "sent", n: 1 },
        { id: "m2", status: "failed", n: 2 },
      ],
      deliveries: [delivery(1, "m1", "k1")],
      acceptedRequestKeys: ["k1"],
    });
    expect(audit.lost).toBe(2);
    expect(audit.lostSample).toEqual([2, 3]);
    expect(audit.notSent).toEqual({ failed: 1 });
  });

  it("a message that ends queued counts as lost even if something was delivered for it", () => {
    const audit = auditEmails({
      accepted: [1],
      messages: [{ id: "m1", status: "queued", n: 1 }],
      deliveries: [delivery(1, "m1", "k1")],
      acceptedRequestKeys: ["k1"],
    });
    expect(audit.lost).toBe(1);
  });

  it("two deliveries for one trigger (two messages, or a new key) are a duplicate", () => {
    const twoMessages = auditEmails({
      accepted: [1],
      messages: [
        { id: "m1", status: "sent", n: 1 },
        { id: "m2", status: "sent", n: 1 },
      ],
      deliveries: [delivery(1, "m1", "k1"), delivery(1, "m2", "k2")],
      acceptedRequestKeys: ["k1", "k2"],
    });
    expect(twoMessages.duplicated).toBe(1);
    expect(twoMessages.duplicatedByMessage).toBe(0);
    const newKey = auditEmails({
      accepted: [1],
      messages: [{ id: "m1", status: "sent", n: 1 }],
      deliveries: [delivery(1, "m1", "k1"), delivery(1, "m1", "k1#1")],
      acceptedRequestKeys: ["k1", "k1#1"],
    });
    expect(newKey.duplicatedByMessage).toBe(1);
    expect(newKey.duplicated).toBe(1);
  });

  it("deliveries no trigger accounts for are counted apart", () => {
    const audit = auditEmails({
      accepted: [1],
      messages: [{ id: "m1", status: "sent", n: 1 }],
      deliveries: [delivery(1, "m1", "k1"), delivery(null, "x", "k9")],
      acceptedRequestKeys: ["k1", "k9"],
    });
    expect(audit.unexpected).toBe(1);
    expect(audit.lost).toBe(0);
  });
});

describe("triggerNumber", () => {
  it("reads the number of a soak subject, and nothing else", () => {
    expect(triggerNumber("Soak email 42")).toBe(42);
    expect(triggerNumber("Soak email 4x")).toBeNull();
    expect(triggerNumber(undefined)).toBeNull();
  });
});
