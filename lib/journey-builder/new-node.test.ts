import { describe, expect, it } from "vitest";
import { nodeSchema } from "@/lib/journey-core/definition";
import { EXITS_BY_TYPE } from "@/lib/journey-core/journey-graph";
import { NODE_TYPE_LABEL, newNode, newNodeId, PALETTE } from "./new-node";
import { exitsForNode } from "./node-exits";

describe("newNode", () => {
  it("offers every node type in the palette", () => {
    expect(PALETTE.map((p) => p.type).sort()).toEqual(Object.keys(EXITS_BY_TYPE).sort());
    expect(NODE_TYPE_LABEL.send_inapp).toBe("Send in-app");
  });

  it.each(PALETTE.map((p) => p.type))(
    "starts a %s node valid except for what must be chosen",
    (type) => {
      const parsed = nodeSchema.safeParse(newNode(type, "x"));
      const fields = parsed.success ? [] : parsed.error.issues.map((i) => i.path.join("."));
      const expected: Record<string, string[]> = {
        trigger: ["trigger.event"],
        wait: ["event"],
        filter: ["condition.all.0.path"],
        branch: ["condition.all.0.path"],
        send_webhook: ["url"],
        update_profile: ["operations.0.trait"],
      };
      expect(fields).toEqual(expected[type] ?? []);
    },
  );

  it("names nodes readably without clashing", () => {
    expect(newNodeId("trigger", new Set())).toBe("trigger");
    expect(newNodeId("trigger", new Set(["trigger"]))).toBe("trigger-1");
    expect(newNodeId("send_email", new Set(["email-1", "email-3"]))).toBe("email-2");
  });
});

describe("exitsForNode", () => {
  it("labels each type's exits", () => {
    expect(exitsForNode(newNode("wait", "w"))).toEqual([
      { id: "did", label: "Did it" },
      { id: "timeout", label: "Timed out" },
    ]);
    expect(exitsForNode(newNode("branch", "b")).map((e) => e.label)).toEqual(["Yes", "No"]);
    expect(exitsForNode(newNode("split", "s"))).toEqual([
      { id: "a", label: "a · 50%" },
      { id: "b", label: "b · 50%" },
    ]);
    expect(exitsForNode(newNode("exit", "e"))).toEqual([]);
    expect(exitsForNode(newNode("delay", "d"))).toEqual([{ id: "next", label: "" }]);
  });
});
