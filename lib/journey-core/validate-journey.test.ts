import { describe, expect, it } from "vitest";
import type { JourneyDefinition } from "./definition";
import { delayNode, emailNode, lineJourney } from "./test-fixtures";
import { type JourneyIssue, validateDraft, validateJourney } from "./validate-journey";

/** A deep copy as plain JSON, to break in ways the types would not allow. */
function raw(definition: JourneyDefinition): {
  nodes: Record<string, unknown>[];
  edges: Record<string, unknown>[];
  settings: Record<string, unknown>;
} {
  return JSON.parse(JSON.stringify(definition));
}

function errorsOf(input: unknown): JourneyIssue[] {
  const result = validateJourney(input);
  if (result.ok) throw new Error("expected validation to fail");
  return result.errors;
}

const valid = lineJourney("Signed Up", [delayNode("wait-1h", 1), emailNode("welcome")], {
  goal: { event: "Report Created", within: { amount: 7, unit: "days" } },
});

const branchy: JourneyDefinition = {
  version: 1,
  nodes: [
    { id: "trigger", type: "trigger", trigger: { kind: "event", event: "Signed Up" } },
    {
      id: "is-pro",
      type: "branch",
      condition: { all: [{ kind: "trait", path: "plan", operator: "eq", value: "pro" }] },
    },
    {
      id: "wait-report",
      type: "wait",
      event: "Report Created",
      timeout: { amount: 1, unit: "days" },
    },
    {
      id: "ab",
      type: "split",
      variants: [
        { key: "a", weight: 50 },
        { key: "b", weight: 50 },
      ],
    },
    { id: "done", type: "exit" },
  ],
  edges: [
    { from: "trigger", to: "is-pro" },
    { from: "is-pro", exit: "yes", to: "wait-report" },
    { from: "is-pro", exit: "no", to: "ab" },
    { from: "wait-report", exit: "did", to: "done" },
    { from: "wait-report", exit: "timeout", to: "done" },
    { from: "ab", exit: "a", to: "done" },
    { from: "ab", exit: "b", to: "done" },
  ],
  settings: { reentry: { mode: "always" }, holdoutPercent: 0 },
};

describe("validateJourney", () => {
  it("accepts valid journeys", () => {
    expect(validateJourney(valid)).toEqual({ ok: true, definition: valid });
    expect(validateJourney(branchy).ok).toBe(true);
  });

  it("names an unreachable node", () => {
    const doc = raw(valid);
    doc.nodes.push({ id: "orphan", type: "exit" });
    expect(errorsOf(doc)).toEqual([
      expect.objectContaining({ nodeId: "orphan", code: "unreachable_node" }),
    ]);
  });

  it("names the node and exit of a missing branch target", () => {
    const doc = raw(branchy);
    doc.edges = doc.edges.filter((e) => !(e.from === "is-pro" && e.exit === "no"));
    const errors = errorsOf(doc);
    expect(errors).toContainEqual(
      expect.objectContaining({
        nodeId: "is-pro",
        code: "dangling_exit",
        message: 'Node "is-pro" (branch) exit "no" is not connected',
      }),
    );
    // The split is now unreachable too, and says so.
    expect(errors).toContainEqual(
      expect.objectContaining({ nodeId: "ab", code: "unreachable_node" }),
    );
  });

  it("names an exit wired twice and an exit a node does not have", () => {
    const doc = raw(branchy);
    doc.edges.push({ from: "wait-report", exit: "timeout", to: "ab" });
    doc.edges.push({ from: "ab", exit: "c", to: "done" });
    const errors = errorsOf(doc);
    expect(errors).toContainEqual(
      expect.objectContaining({ nodeId: "wait-report", code: "duplicate_exit" }),
    );
    expect(errors).toContainEqual(
      expect.objectContaining({ nodeId: "ab", code: "unknown_exit", field: "edges[8].exit" }),
    );
  });

  it("names a second trigger, and reports a missing one", () => {
    const doc = raw(valid);
    doc.nodes.push({
      id: "trigger-2",
      type: "trigger",
      trigger: { kind: "event", event: "Logged In" },
    });
    doc.edges.push({ from: "trigger-2", to: "end" });
    expect(errorsOf(doc)).toEqual([
      expect.objectContaining({ nodeId: "trigger-2", code: "multiple_triggers" }),
    ]);

    const none = raw(valid);
    none.nodes = none.nodes.filter((n) => n.type !== "trigger");
    none.edges = none.edges.filter((e) => e.from !== "trigger");
    expect(errorsOf(none)).toEqual([
      expect.objectContaining({ nodeId: null, code: "missing_trigger" }),
    ]);
  });

  it("names edges to and from unknown nodes, and edges into the trigger", () => {
    const doc = raw(valid);
    doc.edges.push({ from: "welcome", to: "ghost", exit: "next" });
    doc.edges.push({ from: "phantom", to: "end" });
    doc.edges.push({ from: "end", to: "trigger" });
    const errors = errorsOf(doc);
    expect(errors).toContainEqual(
      expect.objectContaining({
        nodeId: "welcome",
        code: "unknown_edge_target",
        field: "edges[3].to",
      }),
    );
    expect(errors).toContainEqual(
      expect.objectContaining({
        nodeId: "end",
        code: "unknown_edge_source",
        field: "edges[4].from",
      }),
    );
    expect(errors).toContainEqual(
      expect.objectContaining({ nodeId: "trigger", code: "edge_into_trigger" }),
    );
  });

  it("names the nodes of a loop without a delay or wait, and allows one with a delay", () => {
    const doc = raw(branchy);
    // ab → is-pro closes a loop is-pro → ab → is-pro with nothing that waits.
    doc.edges = doc.edges.map((e) =>
      e.from === "ab" && e.exit === "b" ? { ...e, to: "is-pro" } : e,
    );
    const errors = errorsOf(doc);
    expect(errors).toEqual([
      expect.objectContaining({
        nodeId: "is-pro",
        code: "cycle_without_wait",
        message: 'Nodes "is-pro", "ab" form a loop with no delay or wait',
      }),
    ]);

    const throughWait = raw(branchy);
    throughWait.edges = throughWait.edges.map((e) =>
      e.from === "wait-report" && e.exit === "timeout" ? { ...e, to: "is-pro" } : e,
    );
    expect(validateJourney(throughWait).ok).toBe(true);
  });

  it("catches a self-loop", () => {
    const doc = raw(valid);
    doc.nodes.push({
      id: "loop",
      type: "filter",
      condition: { all: [{ kind: "trait", path: "plan", operator: "exists" }] },
    });
    doc.edges = doc.edges.map((e) => (e.from === "welcome" ? { ...e, to: "loop" } : e));
    doc.edges.push({ from: "loop", to: "loop" });
    expect(errorsOf(doc)).toContainEqual(
      expect.objectContaining({ nodeId: "loop", code: "cycle_without_wait" }),
    );
  });

  it("requires split weights to total 100, naming the split", () => {
    const doc = raw(branchy);
    const split = doc.nodes.find((n) => n.id === "ab");
    if (split)
      split.variants = [
        { key: "a", weight: 50 },
        { key: "b", weight: 30 },
      ];
    expect(errorsOf(doc)).toEqual([
      expect.objectContaining({
        nodeId: "ab",
        field: "variants",
        code: "split_weights",
        message: 'Node "ab" variants: Split weights must total 100, got 80',
      }),
    ]);
  });

  it("names unknown fields (strict objects)", () => {
    const doc = raw(valid);
    const welcome = doc.nodes.find((n) => n.id === "welcome");
    if (welcome) welcome.content = { ...(welcome.content as object), subjct: "typo" };
    expect(errorsOf(doc)).toEqual([
      expect.objectContaining({ nodeId: "welcome", field: "content", code: "unrecognized_keys" }),
    ]);
    const top = { ...raw(valid), extra: true };
    expect(errorsOf(top)).toEqual([
      expect.objectContaining({ nodeId: null, code: "unrecognized_keys" }),
    ]);
  });

  it("names a bad duration", () => {
    const doc = raw(valid);
    const delay = doc.nodes.find((n) => n.id === "wait-1h");
    if (delay) delay.delay = { kind: "duration", duration: { amount: 0, unit: "fortnights" } };
    const errors = errorsOf(doc);
    expect(errors.map((e) => [e.nodeId, e.field, e.code])).toEqual([
      ["wait-1h", "delay.duration.amount", "too_small"],
      ["wait-1h", "delay.duration.unit", "invalid_value"],
    ]);
  });

  it("names a bad condition deep inside nested groups, not every union branch", () => {
    const doc = raw(branchy);
    const branch = doc.nodes.find((n) => n.id === "is-pro");
    if (branch) {
      branch.condition = {
        all: [
          { kind: "trait", path: "plan", operator: "eq", value: "pro" },
          { any: [{ kind: "trait", path: "usage_pct", operator: "gte", value: "lots" }] },
        ],
      };
    }
    expect(errorsOf(doc)).toEqual([
      {
        nodeId: "is-pro",
        field: "condition.all[1].any[0].value",
        code: "bad_operand",
        message: 'Node "is-pro" condition.all[1].any[0].value: "gte" needs a number, got "lots"',
        humanMessage:
          'Fill in the value the yes/no branch compares with ("gte" needs a number, got "lots")',
      },
    ]);
  });

  it("names an unknown condition kind and an unknown node type", () => {
    const doc = raw(branchy);
    const branch = doc.nodes.find((n) => n.id === "is-pro");
    if (branch) branch.condition = { all: [{ kind: "vibes" }] };
    doc.nodes.push({ id: "mystery", type: "teleport" });
    const errors = errorsOf(doc);
    expect(errors).toContainEqual(
      expect.objectContaining({
        nodeId: "is-pro",
        field: "condition.all[0].kind",
        code: "unknown_variant",
      }),
    );
    expect(errors).toContainEqual(
      expect.objectContaining({ nodeId: "mystery", field: "type", code: "unknown_variant" }),
    );
  });

  it("checks message content rules", () => {
    const doc = raw(valid);
    doc.nodes.push({
      id: "tip",
      type: "send_inapp",
      content: { kind: "tooltip", title: "T", body: "B", ctaLabel: "Go" },
    });
    doc.edges = doc.edges.map((e) => (e.from === "welcome" ? { ...e, to: "tip" } : e));
    doc.edges.push({ from: "tip", to: "end" });
    // The channel's schema is the one source of truth for content; its
    // refinements carry no code of their own, so they surface as "custom".
    expect(errorsOf(doc).map((e) => [e.nodeId, e.field, e.code])).toEqual([
      ["tip", "content.selector", "custom"],
      ["tip", "content.ctaUrl", "custom"],
    ]);
  });

  it("blocks publishing on a Liquid syntax error, naming the node and field", () => {
    const doc = raw(valid);
    const welcome = doc.nodes.find((n) => n.id === "welcome");
    if (welcome) welcome.content = { ...(welcome.content as object), subject: "Hi {{ name " };
    const errors = errorsOf(doc);
    expect(errors).toEqual([
      expect.objectContaining({
        nodeId: "welcome",
        field: "content.subject",
        code: "liquid_syntax",
      }),
    ]);
    expect(errors[0].message).toMatch(/line 1, column \d+/);
  });
});

describe("validateDraft", () => {
  it("reports problems without blocking, and parses what it can", () => {
    const doc = raw(branchy);
    doc.edges = doc.edges.filter((e) => e.from !== "ab");
    const { definition, issues } = validateDraft(doc);
    expect(definition).not.toBeNull();
    expect(issues.map((i) => [i.nodeId, i.code])).toEqual([
      ["ab", "dangling_exit"],
      ["ab", "dangling_exit"],
    ]);
  });

  it("still checks the wiring when a node fails the schema", () => {
    const doc = raw(valid);
    const welcome = doc.nodes.find((n) => n.id === "welcome");
    if (welcome) welcome.content = {};
    doc.edges = doc.edges.filter((e) => e.from !== "welcome");
    const { definition, issues } = validateDraft(doc);
    expect(definition).toBeNull();
    expect(issues).toContainEqual(
      expect.objectContaining({ nodeId: "welcome", code: "dangling_exit" }),
    );
    expect(issues).toContainEqual(
      expect.objectContaining({ nodeId: "welcome", field: "content.subject" }),
    );
  });
});
