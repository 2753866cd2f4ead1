import { describe, expect, it, vi } from "vitest";
import { poolSizes } from "./pool-size";

describe("poolSizes", () => {
  it("splits DATABASE_POOL_SIZE (default 20) into the shared pool and ingestion's quarter", () => {
    expect(poolSizes({})).toEqual({ shared: 15, generic: 5 });
    expect(poolSizes({ DATABASE_POOL_SIZE: "8" })).toEqual({ shared: 6, generic: 2 });
    expect(poolSizes({ DATABASE_POOL_SIZE: "2" })).toEqual({ shared: 1, generic: 1 });
  });

  it("refuses a size that is not a whole number of at least 2", () => {
    for (const value of ["1", "0", "-3", "2.5", "ten"]) {
      expect(() => poolSizes({ DATABASE_POOL_SIZE: value })).toThrow(/DATABASE_POOL_SIZE/);
    }
  });

  it("says once that DATABASE_SQL_POOL_SIZE is no longer read", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    poolSizes({ DATABASE_SQL_POOL_SIZE: "10" });
    poolSizes({ DATABASE_SQL_POOL_SIZE: "10" });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toContain("DATABASE_SQL_POOL_SIZE is no longer read");
  });
});
