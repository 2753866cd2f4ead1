import { describe, expect, it } from "vitest";
import { type StatusChange, statusAt } from "./journey-status";

const at = (iso: string) => new Date(iso);
const history: StatusChange[] = [
  { status: "live", versionId: "v1", at: at("2026-01-01T10:00:00Z") },
  { status: "paused", versionId: null, at: at("2026-01-02T10:00:00Z") },
  { status: "live", versionId: "v1", at: at("2026-01-03T10:00:00Z") },
  { status: "live", versionId: "v2", at: at("2026-01-04T10:00:00Z") },
  { status: "archived", versionId: null, at: at("2026-01-05T10:00:00Z") },
];

describe("statusAt", () => {
  it.each([
    ["2026-01-01T09:59:59.999Z", "draft", null],
    ["2026-01-01T10:00:00.000Z", "live", "v1"],
    ["2026-01-02T09:59:59.999Z", "live", "v1"],
    ["2026-01-02T10:00:00.000Z", "paused", "v1"],
    ["2026-01-03T12:00:00.000Z", "live", "v1"],
    ["2026-01-04T10:00:00.000Z", "live", "v2"],
    ["2026-01-06T00:00:00.000Z", "archived", "v2"],
  ])("at %s the journey is %s on %s", (when, status, versionId) => {
    expect(statusAt(history, at(when))).toEqual({ status, versionId });
  });

  it("is a draft with no history", () => {
    expect(statusAt([], at("2026-01-01T00:00:00Z"))).toEqual({ status: "draft", versionId: null });
  });
});
