import { describe, expect, it } from "vitest";
import { uuidv7 } from "./uuidv7";

describe("uuidv7", () => {
  it("is an RFC 9562 version-7 UUID carrying the time in its first 48 bits", () => {
    const at = Date.UTC(2026, 10, 29, 3, 4, 5, 678);
    const id = uuidv7(at);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Number.parseInt(id.replace(/-/g, "").slice(0, 12), 16)).toBe(at);
  });

  it("sorts by time, and ids made in the same millisecond differ", () => {
    const ids = [1_000, 2_000, 3_000].map((t) => uuidv7(1_700_000_000_000 + t));
    expect([...ids].sort()).toEqual(ids);
    const same = new Set(Array.from({ length: 1_000 }, () => uuidv7(1_700_000_000_000)));
    expect(same.size).toBe(1_000);
  });
});
