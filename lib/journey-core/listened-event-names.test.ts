import { describe, expect, it } from "vitest";
import { listenedEventNames } from "./listened-event-names";
import { JOURNEY_TEMPLATES } from "./templates";

describe("listenedEventNames", () => {
  it("names the trigger, wait and goal events of each shipped journey", () => {
    const byTemplate = Object.fromEntries(
      JOURNEY_TEMPLATES.map((t) => [t.slug, listenedEventNames(t.definition)]),
    );
    expect(byTemplate["nudge-stalled-onboarding"]).toContain("Onboarding Step Completed");
    expect(byTemplate["first-report-to-dashboard"]).toEqual(["Dashboard Shared", "Report Created"]);
    // An inactivity trigger is swept from profiles, not handed over per event.
    expect(byTemplate["reengage-inactive-users"]).not.toContain(undefined);
  });
});
