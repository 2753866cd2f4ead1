import { describe, expect, it } from "vitest";
import type { JourneyDefinition, ReentryPolicy } from "./definition";
import type { WorkspaceDeliveryRules } from "./delivery-rules";
import { profileAt, simulate, simulateJourney } from "./simulate";
import {
  at,
  delayNode,
  emailNode,
  identify,
  inAppNode,
  lineJourney,
  makeProfile,
  track,
} from "./test-fixtures";

const day = (n: number, time = "10:00:00") =>
  new Date(Date.UTC(2025, 5, 2 + n, ...time.split(":").map(Number))).toISOString();

describe("re-entry policies", () => {
  const logins = [0, 2, 10, 20].map((n) => track("Logged In", day(n)));
  const journey = (reentry: ReentryPolicy) =>
    lineJourney("Logged In", [emailNode("hello")], { reentry });
  const entered = (reentry: ReentryPolicy) =>
    simulateJourney(journey(reentry), makeProfile(), logins).runs.map((r) =>
      r.enteredAt.toISOString(),
    );

  it("once: enters on the first trigger only", () => {
    expect(entered({ mode: "once" })).toEqual([day(0)]);
  });

  it("always: enters on every trigger", () => {
    expect(entered({ mode: "always" })).toEqual([day(0), day(2), day(10), day(20)]);
  });

  it("cooldown: enters again only a cooldown after the previous entry, and says why not", () => {
    const reentry: ReentryPolicy = { mode: "cooldown", cooldown: { amount: 7, unit: "days" } };
    expect(entered(reentry)).toEqual([day(0), day(10), day(20)]);
    const result = simulateJourney(journey(reentry), makeProfile(), logins);
    expect(result.entries[1]).toMatchObject({
      at: at(day(2)),
      decision: { enter: false, reason: expect.stringMatching(/^Re-entry cooldown of 7 days/) },
    });
  });

  it("never runs twice at once, even with always", () => {
    const slow = lineJourney("Logged In", [delayNode("five-days", 120), emailNode("hello")], {
      reentry: { mode: "always" },
    });
    const result = simulateJourney(slow, makeProfile(), logins);
    expect(result.runs.map((r) => r.enteredAt.toISOString())).toEqual([day(0), day(10), day(20)]);
    expect(result.entries[1].decision).toEqual({ enter: false, reason: "Already in this journey" });
  });

  it("first-time-only triggers ignore re-entry: the second use never enters", () => {
    const definition = lineJourney("Feature Used", [emailNode("intro")], {
      reentry: { mode: "always" },
    });
    const trigger = definition.nodes[0];
    if (trigger.type === "trigger" && trigger.trigger.kind === "event") {
      trigger.trigger.where = [
        { kind: "property", path: "feature", operator: "eq", value: "alerts" },
      ];
      trigger.trigger.firstTimeOnly = true;
    }
    const events = [
      track("Feature Used", day(0), { feature: "exports" }),
      track("Feature Used", day(1), { feature: "alerts" }),
      track("Feature Used", day(2), { feature: "alerts" }),
    ];
    const result = simulateJourney(definition, makeProfile(), events);
    expect(result.runs.map((r) => r.enteredAt.toISOString())).toEqual([day(1)]);
  });
});

describe("workspace frequency budget across journeys and channels", () => {
  const rules: WorkspaceDeliveryRules = {
    frequency: { windowHours: 24, max: 4, perChannel: { email: 2 }, onLimit: "defer" },
  };
  const onboarding = lineJourney("Signed Up", [emailNode("welcome"), inAppNode("tour")]);
  const upsell = lineJourney("Signed Up", [
    emailNode("offer"),
    emailNode("offer-2"),
    inAppNode("banner"),
  ]);
  const run = (budget: WorkspaceDeliveryRules) =>
    simulate({
      journeys: [
        { journeyId: "onboarding", definition: onboarding },
        { journeyId: "upsell", definition: upsell },
      ],
      profile: makeProfile(),
      events: [track("Signed Up", day(0))],
      deliveryRules: budget,
    });

  it("shares one budget: the third email waits for a slot, then the path continues", () => {
    const result = run(rules);
    expect(result.sends.map((s) => [s.journeyId, s.nodeId, s.at.toISOString()])).toEqual([
      ["onboarding", "welcome", day(0)],
      ["onboarding", "tour", day(0)],
      ["upsell", "offer", day(0)],
      // 2 emails in 24 h is the email cap: deferred until both of day 0's emails age out.
      ["upsell", "offer-2", day(1)],
      ["upsell", "banner", day(1)],
    ]);
    expect(result.traces).toContainEqual(
      expect.objectContaining({
        journeyId: "upsell",
        nodeId: "offer-2",
        decision: "deferred",
        data: expect.objectContaining({ rule: "frequency_channel", until: day(1) }),
      }),
    );
  });

  it("skips instead of deferring when the workspace chose skip, and the total cap binds in-app", () => {
    const skip: WorkspaceDeliveryRules = {
      frequency: { windowHours: 24, max: 3, perChannel: { email: 2 }, onLimit: "skip" },
    };
    const result = run(skip);
    expect(result.sends.map((s) => s.nodeId)).toEqual(["welcome", "tour", "offer"]);
    const skipped = result.traces.filter((t) => t.decision === "skipped");
    expect(skipped.map((t) => [t.nodeId, t.data?.rule])).toEqual([
      ["offer-2", "frequency_total"],
      ["banner", "frequency_total"],
    ]);
  });
});

describe("quiet hours through the engine, across a DST change", () => {
  const rules: WorkspaceDeliveryRules = {
    quietHours: { start: "21:00", end: "08:00", onQuiet: "defer" },
  };

  it("defers a Saturday-night signup's email to 08:00 CEST, the morning the clocks change", () => {
    const definition = lineJourney("Signed Up", [emailNode("welcome")]);
    // 22:30 CET on Saturday 29 March 2025; Berlin springs forward that night.
    const result = simulateJourney(
      definition,
      makeProfile({ timezone: "Europe/Berlin" }),
      [track("Signed Up", "2025-03-29T21:30:00Z")],
      { deliveryRules: rules },
    );
    expect(result.sends.map((s) => s.at.toISOString())).toEqual(["2025-03-30T06:00:00.000Z"]);
  });

  it("defers to 08:00 EST after New York falls back", () => {
    const definition = lineJourney("Signed Up", [delayNode("a-day", 24), emailNode("welcome")]);
    // Saturday 1 Nov 22:30 EDT + 24 h = Sunday 21:30 EST: quiet until Monday 08:00 EST.
    const result = simulateJourney(
      definition,
      makeProfile({ timezone: "America/New_York" }),
      [track("Signed Up", "2025-11-02T02:30:00Z")],
      { deliveryRules: rules },
    );
    expect(result.sends.map((s) => s.at.toISOString())).toEqual(["2025-11-03T13:00:00.000Z"]);
  });
});

describe("inactivity trigger", () => {
  const definition: JourneyDefinition = {
    ...lineJourney("unused", [emailNode("miss-you")], { reentry: { mode: "always" } }),
  };
  definition.nodes[0] = {
    id: "trigger",
    type: "trigger",
    trigger: { kind: "inactivity", inactiveFor: { amount: 7, unit: "days" } },
  };

  it("fires once per period of inactivity, and again after the user returns and lapses", () => {
    const events = [track("Logged In", day(0)), track("Logged In", day(12))];
    const result = simulateJourney(definition, makeProfile(), events, { until: at(day(40)) });
    expect(result.runs.map((r) => r.enteredAt.toISOString())).toEqual([day(7), day(19)]);
  });

  it("does not fire while the user stays active", () => {
    const events = [0, 5, 10, 15].map((n) => track("Logged In", day(n)));
    const result = simulateJourney(definition, makeProfile(), events, { until: at(day(21)) });
    expect(result.runs).toEqual([]);
  });
});

describe("trait-change trigger", () => {
  it("fires on the change to matching, not on identifies that repeat it", () => {
    const definition = lineJourney("unused", [emailNode("upgrade")], {
      reentry: { mode: "always" },
    });
    definition.nodes[0] = {
      id: "trigger",
      type: "trigger",
      trigger: {
        kind: "trait_change",
        conditions: [{ kind: "trait", path: "usage_pct", operator: "gte", value: 80 }],
      },
    };
    const usage = [70, 82, 82, 90, 50, 85];
    const events = usage.map((pct, i) => identify({ usage_pct: pct }, day(i)));
    const result = simulateJourney(definition, makeProfile({ traits: { usage_pct: 60 } }), events);
    expect(result.runs.map((r) => r.enteredAt.toISOString())).toEqual([day(1), day(5)]);
    expect(result.sends).toHaveLength(2);
  });
});

describe("holdout", () => {
  it("holds out ~20% of 10,000 profiles, sends them nothing and still counts their goal", () => {
    const definition = lineJourney("Signed Up", [delayNode("an-hour", 1), emailNode("welcome")], {
      holdoutPercent: 20,
      goal: { event: "Report Created", within: { amount: 7, unit: "days" } },
    });
    // The report comes after the email, so both groups complete the path and
    // convert late, inside the goal window.
    const events = [track("Signed Up", day(0)), track("Report Created", day(0, "12:00:00"))];
    const groups = {
      held: { runs: 0, sends: 0, converted: 0 },
      treated: { runs: 0, sends: 0, converted: 0 },
    };
    const n = 10_000;
    for (let i = 0; i < n; i++) {
      const result = simulateJourney(definition, makeProfile({ id: `profile-${i}` }), events);
      const [run] = result.runs;
      const group = run.holdout ? groups.held : groups.treated;
      group.runs += 1;
      group.sends += result.sends.length;
      if (run.convertedAt?.toISOString() === day(0, "12:00:00")) group.converted += 1;
    }
    // 4 standard deviations of a binomial share: ±0.016 at n = 10,000, p = 0.2.
    expect(Math.abs(groups.held.runs / n - 0.2)).toBeLessThan(4 * Math.sqrt((0.2 * 0.8) / n));
    expect(groups.held).toEqual({ runs: groups.held.runs, sends: 0, converted: groups.held.runs });
    expect(groups.treated).toEqual({
      runs: n - groups.held.runs,
      sends: n - groups.held.runs,
      converted: n - groups.held.runs,
    });
  }, 30_000);
});

describe("history from before the simulation", () => {
  it("prior events count for first-time triggers but are never evaluated", () => {
    const definition = lineJourney("Feature Used", [emailNode("intro")]);
    const trigger = definition.nodes[0];
    if (trigger.type === "trigger" && trigger.trigger.kind === "event") {
      trigger.trigger.firstTimeOnly = true;
    }
    const use = track("Feature Used", day(5));
    const fresh = simulateJourney(definition, makeProfile(), [use]);
    expect(fresh.runs).toHaveLength(1);
    const prior = [{ name: "Feature Used", properties: {}, timestamp: at(day(1)) }];
    const replay = simulateJourney(definition, makeProfile(), [use], { priorEvents: prior });
    expect(replay.runs).toHaveLength(0);
    expect(replay.entries[0].decision).toMatchObject({ enter: false, reason: /Not the first/ });
  });

  it("previous runs refuse re-entry, and count as going until they end", () => {
    const definition = lineJourney("Logged In", [emailNode("hello")], {
      reentry: { mode: "always" },
    });
    const previousRuns = [{ journeyId: "journey", enteredAt: at(day(0)), endedAt: at(day(3)) }];
    const result = simulateJourney(
      definition,
      makeProfile(),
      [track("Logged In", day(2)), track("Logged In", day(4))],
      { previousRuns },
    );
    expect(result.entries.map((e) => e.decision.reason)).toEqual([
      "Already in this journey",
      '"Logged In" matched',
    ]);
    const once = lineJourney("Logged In", [emailNode("hello")]);
    const refused = simulateJourney(once, makeProfile(), [track("Logged In", day(4))], {
      previousRuns,
    });
    expect(refused.runs).toHaveLength(0);
    expect(refused.entries[0].decision.reason).toBe("Journey allows entry once per profile");
  });
});

describe("the profile during a replay follows the profile merge (profile-merge.ts)", () => {
  const events = [
    identify({ plan: "pro", email: "  Ada@Example.COM ", age: 3 }, day(0)),
    { ...track("Clicked", day(1)), contextTimezone: "America/New_York" },
    identify({ age: null, timezone: "Mars/Olympus" }, day(2)),
  ];

  it("removes null traits, normalises email and takes the device timezone", () => {
    const { profile } = simulateJourney(
      lineJourney("unused", [emailNode("x")]),
      makeProfile({ traits: {}, email: null, timezone: null }),
      events,
    );
    expect(profile.traits).toEqual({
      plan: "pro",
      email: "  Ada@Example.COM ",
      timezone: "Mars/Olympus",
    });
    expect(profile.email).toBe("ada@example.com");
    expect(profile.timezone).toBe("America/New_York");
    expect(profile.lastSeenAt.toISOString()).toBe(day(2));
  });

  it("defers by the timezone a track call reported, not the stored one", () => {
    const definition = lineJourney("Signed Up", [emailNode("welcome")]);
    // 23:30 in New York on 2 June (03:30 UTC on the 3rd); 05:30 in Berlin.
    const result = simulateJourney(
      definition,
      makeProfile({ traits: {}, timezone: "Europe/Berlin" }),
      [{ ...track("Signed Up", "2025-06-03T03:30:00Z"), contextTimezone: "America/New_York" }],
      { deliveryRules: { quietHours: { start: "21:00", end: "08:00", onQuiet: "defer" } } },
    );
    expect(result.sends.map((s) => s.at.toISOString())).toEqual(["2025-06-03T12:00:00.000Z"]);
  });

  it("profileAt gives the profile simulate had at an instant", () => {
    const start = makeProfile({ traits: {}, email: null, timezone: null });
    expect(profileAt(start, events, new Date(day(1)))).toMatchObject({
      traits: { plan: "pro", email: "  Ada@Example.COM ", age: 3 },
      email: "ada@example.com",
      timezone: "America/New_York",
    });
  });
});
