import { describe, expect, it } from "vitest";
import { renderInApp } from "@/lib/channels/render-in-app";
import { DEMO_EVENT_NAMES } from "@/lib/seed/demo-data";
import { buildTemplateScope } from "@/lib/templates/template-scope";
import { assignVariant, isInHoldout } from "./assign-bucket";
import type { JourneyDefinition } from "./definition";
import type { WorkspaceDeliveryRules } from "./delivery-rules";
import type { ProfileFacts } from "./facts";
import { type SimEvent, type SimulationResult, simulateJourney } from "./simulate";
import { findTemplate, JOURNEY_TEMPLATES } from "./templates";
import { at, identify, makeProfile, track } from "./test-fixtures";
import { validateJourney } from "./validate-journey";

const RULES: WorkspaceDeliveryRules = {
  frequency: { windowHours: 24, max: 3, onLimit: "defer" },
  quietHours: { start: "21:00", end: "08:00", onQuiet: "defer" },
};

function template(slug: string): JourneyDefinition {
  const found = findTemplate(slug);
  if (!found) throw new Error(`no template ${slug}`);
  return found.definition;
}

/** A Berlin profile on the treated side of the template's holdout (simulateJourney's id is "journey"). */
function profileFor(
  definition: JourneyDefinition,
  overrides: Partial<ProfileFacts> = {},
  held = false,
) {
  for (let i = 0; ; i++) {
    const id = `user-${i}`;
    if (isInHoldout(id, "journey", definition.settings.holdoutPercent) === held) {
      return makeProfile({ id, ...overrides });
    }
  }
}

function run(
  definition: JourneyDefinition,
  profile: ProfileFacts,
  events: SimEvent[],
  until?: string,
) {
  return simulateJourney(definition, profile, events, {
    deliveryRules: RULES,
    ...(until && { until: at(until) }),
  });
}

const sent = (result: SimulationResult) =>
  result.sends.map((s) => [s.nodeId, s.channel, s.at.toISOString()]);
const statuses = (result: SimulationResult) => result.runs.map((r) => r.status);

describe("JOURNEY_TEMPLATES", () => {
  it.each(JOURNEY_TEMPLATES.map((t) => [t.slug, t] as const))(
    "%s is publishable JSON with a goal",
    (_slug, t) => {
      const json = JSON.parse(JSON.stringify(t.definition));
      expect(validateJourney(json)).toEqual({ ok: true, definition: json });
      expect(t.definition.settings.goal).toBeDefined();
    },
  );

  it("uses only event names the demo data sends", () => {
    const names = new Set<string>();
    for (const t of JOURNEY_TEMPLATES) {
      const { nodes, settings } = t.definition;
      if (settings.goal) names.add(settings.goal.event);
      for (const node of nodes) {
        if (node.type === "wait") names.add(node.event);
        if (node.type === "trigger" && node.trigger.kind === "event") names.add(node.trigger.event);
      }
    }
    const known = new Set<string>(DEMO_EVENT_NAMES);
    expect([...names].filter((name) => !known.has(name))).toEqual([]);
  });

  it("reads the trigger event as `event.*` (its properties), the channel's template scope", async () => {
    const sources = JSON.stringify(JOURNEY_TEMPLATES.map((t) => t.definition));
    expect(sources).not.toMatch(/event\.properties/);
    const card = template("first-report-to-dashboard").nodes.find((n) => n.id === "share-card");
    if (card?.type !== "send_inapp") throw new Error("share-card is an in-app node");
    const scope = buildTemplateScope({
      profile: { id: "p1", userId: "u1", email: null, traits: {} },
      eventProperties: { template: "Weekly funnel" },
      message: { id: "m1", channel: "in_app" },
    });
    const rendered = await renderInApp(card.content, scope, { now: at("2025-06-02T10:00:00Z") });
    expect(rendered.body).toContain("“Weekly funnel”");
  });

  it("has unique slugs", () => {
    expect(new Set(JOURNEY_TEMPLATES.map((t) => t.slug)).size).toBe(JOURNEY_TEMPLATES.length);
  });
});

describe("introduce a feature on first use", () => {
  const definition = template("introduce-feature-on-first-use");
  const alerts = (iso: string) => track("Feature Used", iso, { feature: "alerts" });

  it("points at the feature at once, then emails two days later", () => {
    const result = run(definition, profileFor(definition), [alerts("2025-06-02T10:00:00Z")]);
    expect(sent(result)).toEqual([
      ["alerts-tooltip", "in_app", "2025-06-02T10:00:00.000Z"],
      ["alerts-guide-email", "email", "2025-06-04T10:00:00.000Z"],
    ]);
    expect(statuses(result)).toEqual(["completed"]);
  });

  it("skips the email for a user who uses the feature again (the goal)", () => {
    const events = [alerts("2025-06-02T10:00:00Z"), alerts("2025-06-03T09:00:00Z")];
    const result = run(definition, profileFor(definition), events);
    expect(sent(result)).toEqual([["alerts-tooltip", "in_app", "2025-06-02T10:00:00.000Z"]]);
    expect(result.runs[0]).toMatchObject({
      status: "converted",
      convertedAt: at("2025-06-03T09:00:00Z"),
    });
  });

  it("ignores other features, and sends nothing to the holdout", () => {
    const other = run(definition, profileFor(definition), [
      track("Feature Used", "2025-06-02T10:00:00Z", { feature: "exports" }),
    ]);
    expect(other.runs).toEqual([]);
    const held = run(definition, profileFor(definition, {}, true), [
      alerts("2025-06-02T10:00:00Z"),
    ]);
    expect(held.runs).toEqual([expect.objectContaining({ holdout: true, status: "completed" })]);
    expect(held.sends).toEqual([]);
  });
});

describe("nudge a stalled onboarding", () => {
  const definition = template("nudge-stalled-onboarding");
  const stepDone = (step: number, iso: string) => track("Onboarding Step Completed", iso, { step });
  const profile = profileFor(definition);

  it("enters, waits 1 day, times out, gets the nudge, then the banner", () => {
    const events = [stepDone(1, "2025-06-02T09:50:00Z"), stepDone(2, "2025-06-02T10:00:00Z")];
    const result = run(definition, profile, events);
    expect(result.traces.map((t) => [t.nodeId, t.decision, t.at.toISOString()])).toEqual([
      ["trigger", "entered", "2025-06-02T10:00:00.000Z"],
      ["wait-step-3", "waiting", "2025-06-02T10:00:00.000Z"],
      ["wait-step-3", "timed_out", "2025-06-03T10:00:00.000Z"],
      ["nudge-email", "sent", "2025-06-03T10:00:00.000Z"],
      ["wait-2-days", "waiting", "2025-06-03T10:00:00.000Z"],
      ["wait-2-days", "passed", "2025-06-05T10:00:00.000Z"],
      ["nudge-banner", "sent", "2025-06-05T10:00:00.000Z"],
      ["nudged", "exited", "2025-06-05T10:00:00.000Z"],
    ]);
  });

  it("sends nothing to the user who finishes step 3 in time", () => {
    const events = [stepDone(2, "2025-06-02T10:00:00Z"), stepDone(3, "2025-06-02T15:00:00Z")];
    const result = run(definition, profile, events);
    expect(result.sends).toEqual([]);
    expect(statuses(result)).toEqual(["converted"]);
  });

  it("stops before the banner when step 3 comes after the nudge", () => {
    const events = [stepDone(2, "2025-06-02T10:00:00Z"), stepDone(3, "2025-06-03T16:00:00Z")];
    const result = run(definition, profile, events);
    expect(sent(result)).toEqual([["nudge-email", "email", "2025-06-03T10:00:00.000Z"]]);
    expect(statuses(result)).toEqual(["converted"]);
  });

  it("enters on the first step 2 only", () => {
    const events = [stepDone(2, "2025-06-02T10:00:00Z"), stepDone(2, "2025-06-20T10:00:00Z")];
    expect(run(definition, profile, events).runs).toHaveLength(1);
  });
});

describe("re-engage after 7 quiet days", () => {
  const definition = template("reengage-inactive-users");
  const profile = profileFor(definition, { timezone: "Europe/Berlin" });
  // Active on Monday 2 June, then silent. Inactive from Monday 9 June, 12:00 Berlin.
  const history = [
    track("Report Created", "2025-06-02T09:00:00Z"),
    track("Logged In", "2025-06-02T10:00:00Z"),
  ];

  it("emails the next weekday at 10:00 their time, then tries once more", () => {
    const result = run(definition, profile, history, "2025-06-20T00:00:00Z");
    expect(result.runs[0].enteredAt).toEqual(at("2025-06-09T10:00:00Z"));
    expect(sent(result)).toEqual([
      ["we-miss-you", "email", "2025-06-10T08:00:00.000Z"],
      ["last-try", "email", "2025-06-14T08:00:00.000Z"],
    ]);
  });

  it("welcomes back a user who logs in after the email", () => {
    const events = [...history, track("Logged In", "2025-06-11T17:00:00Z")];
    const result = run(definition, profile, events, "2025-06-12T00:00:00Z");
    expect(sent(result)).toEqual([
      ["we-miss-you", "email", "2025-06-10T08:00:00.000Z"],
      ["welcome-back", "in_app", "2025-06-11T17:00:00.000Z"],
    ]);
  });

  it("filters out a user who never built anything, recording why", () => {
    const result = run(
      definition,
      profile,
      [track("Logged In", "2025-06-02T10:00:00Z")],
      "2025-06-12T00:00:00Z",
    );
    expect(statuses(result)).toEqual(["filtered"]);
    expect(result.traces).toContainEqual(
      expect.objectContaining({
        nodeId: "reachable",
        decision: "filtered",
        data: { condition: 'has done "Report Created"', expected: "at least 1", actual: 0 },
      }),
    );
  });
});

describe("upgrade prompt at 80% of the plan", () => {
  const definition = template("upgrade-near-plan-limit");

  it("prompts a Free user once as usage crosses 80%, and counts the upgrade days later", () => {
    const profile = profileFor(definition, { traits: { plan: "free", usage_pct: 50 } });
    const events = [
      identify({ usage_pct: 85 }, "2025-06-02T10:00:00Z"),
      identify({ usage_pct: 85 }, "2025-06-02T11:00:00Z"),
      identify({ usage_pct: 92 }, "2025-06-03T10:00:00Z"),
      track("Plan Upgraded", "2025-06-05T10:00:00Z", { from_plan: "free", to_plan: "pro" }),
    ];
    const result = run(definition, profile, events);
    expect(sent(result)).toEqual([
      ["free-limit-modal", "in_app", "2025-06-02T10:00:00.000Z"],
      ["free-limit-email", "email", "2025-06-02T10:00:00.000Z"],
    ]);
    expect(result.runs).toEqual([
      expect.objectContaining({ status: "completed", convertedAt: at("2025-06-05T10:00:00Z") }),
    ]);
  });

  it("tells a Pro user about Team, and leaves Team users alone", () => {
    const pro = profileFor(definition, { traits: { plan: "pro", usage_pct: 70 } });
    const crossing = [identify({ usage_pct: 81 }, "2025-06-02T10:00:00Z")];
    expect(sent(run(definition, pro, crossing))).toEqual([
      ["pro-limit-email", "email", "2025-06-02T10:00:00.000Z"],
    ]);
    const team = profileFor(definition, { traits: { plan: "team", usage_pct: 70 } });
    expect(run(definition, team, crossing).runs).toEqual([]);
  });
});

describe("from first report to shared dashboard", () => {
  const definition = template("first-report-to-dashboard");
  const variants = [
    { key: "in_app", weight: 50 },
    { key: "email", weight: 50 },
  ];
  const profiles = [0, 1, 2, 3, 4, 5].map((i) =>
    profileFor(definition, { id: `report-user-${i}` }),
  );

  it("introduces sharing by the assigned channel an hour later, then reminds", () => {
    const seen = new Set<string>();
    for (const profile of profiles.filter((p) => !isInHoldout(p.id, "journey", 10))) {
      const variant = assignVariant(profile.id, "journey", "channel-test", variants).key;
      seen.add(variant);
      const result = run(definition, profile, [track("Report Created", "2025-06-02T10:00:00Z")]);
      expect(sent(result)).toEqual([
        [variant === "in_app" ? "share-card" : "share-email", variant, "2025-06-02T11:00:00.000Z"],
        ["share-reminder", "email", "2025-06-05T11:00:00.000Z"],
      ]);
    }
    expect(seen.size).toBe(2);
  });

  it("converts a user who shares before the reminder", () => {
    const events = [
      track("Report Created", "2025-06-02T10:00:00Z"),
      track("Dashboard Shared", "2025-06-03T10:00:00Z"),
    ];
    const result = run(definition, profileFor(definition), events);
    expect(result.sends).toHaveLength(1);
    expect(statuses(result)).toEqual(["converted"]);
  });

  it("filters out a user who already shared, with the count as the actual value", () => {
    const events = [
      track("Dashboard Shared", "2025-06-01T10:00:00Z"),
      track("Report Created", "2025-06-02T10:00:00Z"),
    ];
    const result = run(definition, profileFor(definition), events);
    expect(statuses(result)).toEqual(["filtered"]);
    expect(result.traces.find((t) => t.decision === "filtered")?.data).toEqual({
      condition: 'has not done "Dashboard Shared"',
      expected: "0",
      actual: 1,
    });
  });
});
