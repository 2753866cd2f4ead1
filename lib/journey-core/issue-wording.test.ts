import { describe, expect, it } from "vitest";
import { blankJourneyDefinition } from "./blank-journey";
import { stepName, stepRef } from "./describe-step";
import { unseenEventFlag, unseenEventWarnings } from "./unseen-events";
import { validateDraft } from "./validate-journey";

// Every validation issue has a sentence for the builder: the step by its
// label (or what it does), never its node id, and what to do about it.

type Doc = {
  version: 1;
  nodes: Record<string, unknown>[];
  edges: Record<string, unknown>[];
  settings: Record<string, unknown>;
};

const settings = { reentry: { mode: "once" }, holdoutPercent: 0 };

/** The stall nudge: Report Started → wait for Report Created (1 day) → in-app nudge → exit. */
function stallNudge(): Doc {
  return {
    version: 1,
    nodes: [
      { id: "trigger", type: "trigger", trigger: { kind: "event", event: "Report Started" } },
      {
        id: "wait-1",
        type: "wait",
        event: "Report Created",
        timeout: { amount: 1, unit: "days" },
      },
      {
        id: "inapp-1",
        type: "send_inapp",
        label: "Finish-your-report nudge",
        content: { kind: "banner", title: "Finish your report", body: "" },
      },
      { id: "end", type: "exit" },
    ],
    edges: [
      { from: "trigger", to: "wait-1" },
      { from: "wait-1", exit: "did", to: "end" },
      { from: "wait-1", exit: "timeout", to: "inapp-1" },
      { from: "inapp-1", to: "end" },
    ],
    settings: { ...settings },
  };
}

/** The sentences of a draft's issues, by code. */
function sentences(doc: unknown): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of validateDraft(doc).issues) {
    out[issue.code] = [...(out[issue.code] ?? []), issue.humanMessage];
  }
  return out;
}

const node = (doc: Doc, id: string) => doc.nodes.find((n) => n.id === id)!;

describe("step names", () => {
  it("uses the label, else what the step does, else its kind, never the node id", () => {
    const doc = stallNudge();
    expect(stepName(node(doc, "inapp-1"), doc.nodes)).toBe("Finish-your-report nudge");
    expect(stepName(node(doc, "wait-1"), doc.nodes)).toBe("Wait for Report Created");
    expect(stepName(node(doc, "trigger"), doc.nodes)).toBe("When Report Started happens");
    expect(stepRef(node(doc, "end"), doc.nodes)).toBe("the exit");
    const untitled = { id: "inapp-2", type: "send_inapp", content: { title: "" } };
    expect(stepRef(untitled, [untitled])).toBe("the in-app message");
  });

  it("tells two unnamed steps of one kind apart by their order", () => {
    const a = { id: "b1", type: "branch" };
    const b = { id: "b2", type: "branch" };
    expect(stepRef(a, [a, b])).toBe("the first yes/no branch");
    expect(stepRef(b, [a, b])).toBe("the second yes/no branch");
  });
});

describe("validation sentences", () => {
  it("a valid journey has none", () => {
    expect(validateDraft(stallNudge()).issues).toEqual([]);
  });

  it("a blank journey asks for the event that starts it, and nothing else", () => {
    const { issues } = validateDraft(blankJourneyDefinition());
    expect(issues.map((i) => [i.code, i.humanMessage])).toEqual([
      ["too_small", "Choose the event that starts this journey"],
    ]);
    // The machine-readable form is unchanged for API clients.
    expect(issues[0]).toMatchObject({ nodeId: "trigger", field: "trigger.event" });
    expect(issues[0].message).toContain('Node "trigger"');
  });

  it("dangling_exit: the exit and the step by name", () => {
    const doc = stallNudge();
    doc.edges = doc.edges.filter((e) => e.exit !== "timeout");
    doc.edges = doc.edges.filter((e) => e.from !== "inapp-1");
    expect(sentences(doc).dangling_exit).toEqual([
      "Connect the 'Timed out' exit of 'Wait for Report Created' to a next step",
      "Connect 'Finish-your-report nudge' to a next step",
    ]);
  });

  it("duplicate_exit, unknown_exit", () => {
    const doc = stallNudge();
    doc.edges.push({ from: "wait-1", exit: "did", to: "inapp-1" });
    doc.edges.push({ from: "inapp-1", exit: "yes", to: "end" });
    const said = sentences(doc);
    expect(said.duplicate_exit).toEqual([
      "The 'Did it' exit of 'Wait for Report Created' leads to 2 steps: keep one connection",
    ]);
    expect(said.unknown_exit).toEqual([
      "'Finish-your-report nudge' has no 'Yes' exit: remove that connection",
    ]);
  });

  it("unreachable_node, missing_trigger, multiple_triggers", () => {
    const doc = stallNudge();
    doc.nodes.push({
      id: "orphan-7",
      type: "delay",
      delay: { kind: "duration", duration: { amount: 2, unit: "hours" } },
    });
    doc.edges.push({ from: "orphan-7", to: "end" });
    expect(sentences(doc).unreachable_node).toEqual([
      "Nothing leads to 'Wait 2 hours': connect a step to it, or delete it",
    ]);

    const twice = stallNudge();
    twice.nodes.push({
      id: "trigger-2",
      type: "trigger",
      label: "Second start",
      trigger: { kind: "event", event: "Signed Up" },
    });
    twice.edges.push({ from: "trigger-2", to: "end" });
    expect(sentences(twice).multiple_triggers).toEqual([
      "A journey has one trigger: delete 'Second start'",
    ]);

    const none = stallNudge();
    none.nodes = none.nodes.filter((n) => n.type !== "trigger");
    none.edges = none.edges.filter((e) => e.from !== "trigger");
    expect(sentences(none).missing_trigger).toEqual([
      "Add a trigger: it decides who enters this journey",
    ]);
  });

  it("edges to and from missing steps, and into the trigger", () => {
    const doc = stallNudge();
    doc.edges.push({ from: "gone", to: "inapp-1" });
    doc.edges.push({ from: "end", to: "trigger" });
    const said = sentences(doc);
    expect(said.unknown_edge_source).toEqual([
      "A connection into 'Finish-your-report nudge' comes from a step that no longer exists: reconnect it",
    ]);
    expect(said.edge_into_trigger).toEqual([
      "Nothing can lead back into the trigger: remove the connection into 'When Report Started happens'",
    ]);

    const lost = stallNudge();
    lost.edges = lost.edges.map((e) => (e.exit === "timeout" ? { ...e, to: "deleted-9" } : e));
    expect(sentences(lost).unknown_edge_target).toEqual([
      "The 'Timed out' exit of 'Wait for Report Created' leads to a step that no longer exists: connect it again",
    ]);
  });

  it("cycle_without_wait names every step of the loop", () => {
    const doc = stallNudge();
    doc.nodes.push({
      id: "check",
      type: "branch",
      label: "Pro plan?",
      condition: { all: [{ kind: "trait", path: "plan", operator: "eq", value: "pro" }] },
    });
    doc.edges = doc.edges.filter((e) => e.from !== "inapp-1");
    doc.edges.push({ from: "inapp-1", to: "check" });
    doc.edges.push({ from: "check", exit: "yes", to: "inapp-1" });
    doc.edges.push({ from: "check", exit: "no", to: "end" });
    expect(sentences(doc).cycle_without_wait).toEqual([
      "'Finish-your-report nudge' and 'Pro plan?' go round in a loop with no pause: add a delay or a wait to the loop",
    ]);
  });

  it("schema problems say which setting to fill in", () => {
    const doc = stallNudge();
    node(doc, "wait-1").event = "";
    node(doc, "wait-1").label = "Did they finish?";
    node(doc, "wait-1").timeout = { amount: 0, unit: "days" };
    (node(doc, "inapp-1").content as Record<string, unknown>).title = "";
    doc.settings.goal = { event: "" };
    doc.settings.holdoutPercent = 80;
    expect(validateDraft(doc).issues.map((i) => i.humanMessage)).toEqual([
      "Choose the event 'Did they finish?' waits for",
      "Set how long 'Did they finish?' waits before it times out",
      "Write a title for 'Finish-your-report nudge'",
      "Choose the goal event in Journey settings, or untick “This journey has a goal”",
      "Set a holdout between 0% and 50% in Journey settings",
    ]);
  });

  it("split weights, with the current total", () => {
    const doc = stallNudge();
    doc.nodes.push({
      id: "ab",
      type: "split",
      variants: [
        { key: "a", weight: 50 },
        { key: "b", weight: 30 },
      ],
    });
    doc.edges = doc.edges.map((e) => (e.from === "inapp-1" ? { ...e, to: "ab" } : e));
    doc.edges.push({ from: "ab", exit: "a", to: "end" }, { from: "ab", exit: "b", to: "end" });
    expect(sentences(doc).split_weights).toEqual([
      "Make the variant weights of the A/B split add up to 100% (now 80%)",
    ]);
  });

  it("a Liquid error names the field and the step", () => {
    const doc = stallNudge();
    (node(doc, "inapp-1").content as Record<string, unknown>).title = "Hi {{ name";
    const [sentence] = sentences(doc).liquid_syntax;
    expect(sentence).toMatch(
      /^Fix the personalization in the title of 'Finish-your-report nudge', line 1: /,
    );
  });

  it("no sentence shows a node id or a zod default message", () => {
    const doc = stallNudge();
    node(doc, "wait-1").event = "";
    node(doc, "wait-1").timeout = { amount: -1, unit: "fortnights" };
    doc.edges = [];
    for (const issue of validateDraft(doc).issues) {
      expect(issue.humanMessage).not.toMatch(/wait-1|inapp-1|"trigger"|Too small|Invalid|expected/);
    }
  });
});

describe("unseen event warnings", () => {
  const seen = new Set(["Report Started", "Report Created"]);

  it("flags each event name the workspace never received, and only those", () => {
    const doc = stallNudge();
    expect(unseenEventWarnings(doc, seen)).toEqual([]);
    node(doc, "trigger").trigger = { kind: "event", event: "Sig" };
    doc.settings.goal = { event: "After IdentifyReport Created" };
    const warnings = unseenEventWarnings(doc, seen);
    expect(warnings).toEqual([
      expect.objectContaining({
        nodeId: "trigger",
        field: "trigger.event",
        code: "unseen_event",
        event: "Sig",
        humanMessage:
          "No 'Sig' events yet: check the spelling in 'When Sig happens'. It works once your app sends 'Sig'.",
      }),
      expect.objectContaining({
        nodeId: null,
        field: "settings.goal.event",
        event: "After IdentifyReport Created",
      }),
    ]);
    expect(unseenEventFlag("Sig")).toBe("No 'Sig' events yet");
  });

  it("reads events in conditions, and ignores empty names (that is a validation issue)", () => {
    const doc = stallNudge();
    node(doc, "wait-1").event = "";
    doc.nodes.push({
      id: "f",
      type: "filter",
      condition: { any: [{ kind: "has_done", event: "Invited Teammate" }] },
    });
    expect(unseenEventWarnings(doc, seen)).toEqual([
      expect.objectContaining({
        nodeId: "f",
        field: "condition.any[0].event",
        event: "Invited Teammate",
      }),
    ]);
  });

  it("is a warning, never a validation issue: publishing is not blocked", () => {
    const doc = stallNudge();
    node(doc, "trigger").trigger = { kind: "event", event: "Sig" };
    expect(validateDraft(doc).issues).toEqual([]);
  });
});
