import { describe, expect, it } from "vitest";
import type { JourneyDefinition, JourneyNode } from "./definition";
import { diffDefinitions, isEmptyDiff } from "./diff-definitions";
import { findTemplate } from "./templates";
import { delayNode, emailNode, inAppNode, lineJourney } from "./test-fixtures";

const clone = <T>(value: T): T => structuredClone(value);

const base = (): JourneyDefinition =>
  lineJourney("Signed Up", [
    { ...inAppNode("hello", "Welcome"), label: "Hello" },
    delayNode("pause", 24),
    { ...emailNode("mail", "Tips"), label: "Tips email" },
  ]);

function edit(mutate: (definition: JourneyDefinition) => void): JourneyDefinition {
  const definition = clone(base());
  mutate(definition);
  return definition;
}

function node<T extends JourneyNode["type"]>(definition: JourneyDefinition, id: string, _type: T) {
  const found = definition.nodes.find((n) => n.id === id);
  if (!found) throw new Error(`no node ${id}`);
  return found as Extract<JourneyNode, { type: T }>;
}

const stallNudge = () => clone(findTemplate("nudge-stalled-onboarding")!.definition);

describe("diffDefinitions", () => {
  it("finds nothing between identical definitions, or ones that differ only in layout or key order", () => {
    expect(diffDefinitions(base(), base())).toEqual({
      nodes: { added: [], removed: [], changed: [] },
      edges: { added: [], removed: [] },
      settings: [],
      summary: [],
    });
    const moved = edit((d) => {
      for (const [i, n] of d.nodes.entries()) n.position = { x: i * 10, y: 99 };
      d.settings = { holdoutPercent: d.settings.holdoutPercent, reentry: d.settings.reentry };
    });
    expect(isEmptyDiff(diffDefinitions(base(), moved))).toBe(true);
    const explicitNext = edit((d) => {
      d.edges = d.edges.map((e) => ({ ...e, exit: "next" }));
    });
    expect(isEmptyDiff(diffDefinitions(base(), explicitNext))).toBe(true);
  });

  const cases: {
    name: string;
    before?: () => JourneyDefinition;
    after: () => JourneyDefinition;
    expected: Partial<Omit<ReturnType<typeof diffDefinitions>, "nodes">> & {
      nodes?: Partial<ReturnType<typeof diffDefinitions>["nodes"]>;
    };
  }[] = [
    {
      name: "adds a node and its edges",
      after: () =>
        edit((d) => {
          d.nodes.splice(3, 0, { ...inAppNode("nudge", "Come back"), label: "Nudge" });
          d.edges = d.edges.filter((e) => e.from !== "mail");
          d.edges.push({ from: "mail", to: "nudge" }, { from: "nudge", to: "end" });
        }),
      expected: {
        nodes: {
          added: [{ id: "nudge", type: "send_inapp", label: "Nudge" }],
          removed: [],
          changed: [],
        },
        edges: {
          added: [
            { from: "mail", to: "nudge", exit: "next" },
            { from: "nudge", to: "end", exit: "next" },
          ],
          removed: [{ from: "mail", to: "end", exit: "next" }],
        },
        summary: [
          "Added in-app message “Nudge”",
          "Connected email “Tips email” to in-app message “Nudge”",
          "Connected in-app message “Nudge” to exit",
          "Disconnected email “Tips email” from exit",
        ],
      },
    },
    {
      name: "removes a node (named by what it does when it has no label, never by id)",
      after: () =>
        edit((d) => {
          d.nodes = d.nodes.filter((n) => n.id !== "pause");
          d.edges = d.edges.filter((e) => e.from !== "pause" && e.to !== "pause");
          d.edges.push({ from: "hello", to: "mail" });
        }),
      expected: {
        nodes: {
          added: [],
          removed: [{ id: "pause", type: "delay", label: "Wait 24 hours" }],
          changed: [],
        },
        summary: [
          "Removed delay “Wait 24 hours”",
          "Connected in-app message “Hello” to email “Tips email”",
          "Disconnected in-app message “Hello” from delay “Wait 24 hours”",
          "Disconnected delay “Wait 24 hours” from email “Tips email”",
        ],
      },
    },
    {
      name: "changes a message title, field by field",
      after: () =>
        edit((d) => {
          node(d, "hello", "send_inapp").content.title = "Welcome aboard";
        }),
      expected: {
        nodes: {
          added: [],
          removed: [],
          changed: [
            {
              id: "hello",
              type: "send_inapp",
              label: "Hello",
              fields: [{ path: "content.title", before: "Welcome", after: "Welcome aboard" }],
            },
          ],
        },
        summary: ["Changed in-app message “Hello” title from “Welcome” to “Welcome aboard”"],
      },
    },
    {
      name: "names a long body instead of quoting it, and reports a rename",
      after: () =>
        edit((d) => {
          const mail = node(d, "mail", "send_email");
          mail.content.body = "Line one\nLine two";
          mail.label = "Tips";
        }),
      expected: {
        summary: ["Changed email “Tips” body", "Renamed email “Tips email” to “Tips”"],
      },
    },
    {
      name: "compares a duration as one value",
      before: stallNudge,
      after: () => {
        const d = stallNudge();
        const wait = node(d, "wait-step-3", "wait");
        wait.timeout = { amount: 2, unit: "days" };
        return d;
      },
      expected: {
        nodes: {
          changed: [
            {
              id: "wait-step-3",
              type: "wait",
              label: "Step 3 within 24 h?",
              fields: [
                {
                  path: "timeout",
                  before: { amount: 24, unit: "hours" },
                  after: { amount: 2, unit: "days" },
                },
              ],
            },
          ],
        },
        summary: ["Changed wait “Step 3 within 24 h?” timeout from 24 hours to 2 days"],
      },
    },
    {
      name: "rewires an exit and names it",
      before: stallNudge,
      after: () => {
        const d = stallNudge();
        d.edges = d.edges.map((e) => (e.exit === "timeout" ? { ...e, to: "nudge-banner" } : e));
        return d;
      },
      expected: {
        edges: {
          added: [{ from: "wait-step-3", to: "nudge-banner", exit: "timeout" }],
          removed: [{ from: "wait-step-3", to: "nudge-email", exit: "timeout" }],
        },
        summary: [
          "Connected wait “Step 3 within 24 h?” (timed out) to in-app message “Banner on the dashboard”",
          "Disconnected wait “Step 3 within 24 h?” (timed out) from email “Nudge: build your first report”",
        ],
      },
    },
    {
      name: "changes settings: goal event, holdout, re-entry, message limit",
      before: stallNudge,
      after: () => {
        const d = stallNudge();
        d.settings.goal = { ...d.settings.goal!, event: "Report Created" };
        d.settings.holdoutPercent = 10;
        d.settings.reentry = { mode: "cooldown", cooldown: { amount: 30, unit: "days" } };
        d.settings.messageLimit = 3;
        return d;
      },
      expected: {
        settings: [
          { path: "goal.event", before: "Onboarding Step Completed", after: "Report Created" },
          { path: "reentry.mode", before: "once", after: "cooldown" },
          { path: "reentry.cooldown", before: undefined, after: { amount: 30, unit: "days" } },
          { path: "holdoutPercent", before: 0, after: 10 },
          { path: "messageLimit", before: undefined, after: 3 },
        ],
        summary: [
          "Goal event changed from “Onboarding Step Completed” to “Report Created”",
          "Re-entry changed from “once” to “cooldown”",
          "Re-entry cooldown set to 30 days",
          "Holdout changed from 0% to 10%",
          "Message limit set to 3",
        ],
      },
    },
    {
      name: "adds a whole goal",
      after: () =>
        edit((d) => {
          d.settings.goal = { event: "Upgraded" };
        }),
      expected: { summary: ["Goal set to “Upgraded”"] },
    },
    {
      name: "removes a whole goal",
      before: stallNudge,
      after: () => {
        const d = stallNudge();
        delete d.settings.goal;
        return d;
      },
      expected: { summary: ["Goal removed"] },
    },
    {
      name: "reports a type change under the same id as removed and added",
      after: () =>
        edit((d) => {
          d.nodes = d.nodes.map((n) =>
            n.id === "hello" ? { ...emailNode("hello"), label: "Hello" } : n,
          );
        }),
      expected: {
        nodes: {
          added: [{ id: "hello", type: "send_email", label: "Hello" }],
          removed: [{ id: "hello", type: "send_inapp", label: "Hello" }],
          changed: [],
        },
        summary: ["Added email “Hello”", "Removed in-app message “Hello”"],
      },
    },
    {
      name: "describes a changed condition list by count",
      after: () =>
        edit((d) => {
          const trigger = node(d, "trigger", "trigger");
          if (trigger.trigger.kind !== "event") throw new Error("event trigger expected");
          trigger.trigger.where = [
            { kind: "property", path: "plan", operator: "eq", value: "pro" },
            { kind: "property", path: "seats", operator: "gt", value: 3 },
          ];
        }),
      expected: {
        summary: ["Set trigger “When Signed Up happens” trigger conditions to 2 conditions"],
      },
    },
  ];

  it.each(cases)("$name", ({ before, after, expected }) => {
    const diff = diffDefinitions((before ?? base)(), after());
    const { nodes, ...rest } = expected;
    expect(diff).toMatchObject(rest);
    if (nodes) expect(diff.nodes).toMatchObject(nodes);
    expect(isEmptyDiff(diff)).toBe(false);
  });

  it("reverses: what was added one way is removed the other way", () => {
    const after = edit((d) => {
      d.nodes.push({ ...inAppNode("extra"), label: "Extra" });
    });
    expect(diffDefinitions(after, base()).nodes.removed).toEqual(
      diffDefinitions(base(), after).nodes.added,
    );
  });
});
