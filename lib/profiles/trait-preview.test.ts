import { describe, expect, it } from "vitest";
import { traitPreview } from "./trait-preview";

describe("traitPreview", () => {
  it("shows three traits as text, skipping name and email, and counts the rest", () => {
    expect(
      traitPreview({
        name: "Ann",
        email: "ann@x.test",
        plan: "pro",
        seats: 3,
        beta: true,
        address: { city: "Lyon" },
        tags: ["a"],
      }),
    ).toEqual({
      shown: [
        ["plan", "pro"],
        ["seats", "3"],
        ["beta", "true"],
      ],
      more: 2,
    });
  });

  it("cuts long values and prints objects as JSON", () => {
    const { shown } = traitPreview({ bio: "x".repeat(100), address: { city: "Lyon" }, gone: null });
    expect(shown[0]?.[1]).toHaveLength(40);
    expect(shown[0]?.[1].endsWith("…")).toBe(true);
    expect(shown[1]).toEqual(["address", '{"city":"Lyon"}']);
    expect(shown[2]).toEqual(["gone", "null"]);
  });
});
