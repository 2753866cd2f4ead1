import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "./logger";
import { requestIdFrom, withRequestId } from "./request-context";

function capture() {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { destination, text: () => chunks.join("") };
}

describe("createLogger", () => {
  it("writes JSON lines with a level name, an ISO time and the request id", () => {
    const out = capture();
    const log = createLogger({ format: "json", level: "info", destination: out.destination });
    log.debug("not at info");
    log.info("outside a request");
    withRequestId("req-42", () => log.error({ route: "/api/v1/batch" }, "inside one"));
    const lines = out
      .text()
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ level: "info", msg: "outside a request" });
    expect(lines[0]).not.toHaveProperty("reqId");
    expect(Date.parse(String(lines[0].time))).not.toBeNaN();
    expect(lines[1]).toMatchObject({
      level: "error",
      msg: "inside one",
      reqId: "req-42",
      route: "/api/v1/batch",
    });
  });

  it("pretty-prints for a terminal", () => {
    const out = capture();
    const log = createLogger({ tty: true, destination: out.destination });
    withRequestId("req-7", () => log.warn("LISTEN connection lost"));
    const text = out.text();
    expect(text).toMatch(/WARN.*LISTEN connection lost/);
    expect(text).toContain("req-7");
    expect(() => JSON.parse(text)).toThrow();
  });
});

describe("requestIdFrom", () => {
  it("keeps a proxy's sane id and replaces anything else", () => {
    expect(requestIdFrom("abc-123_x.y:z@w")).toBe("abc-123_x.y:z@w");
    expect(requestIdFrom(["first", "second"])).toBe("first");
    for (const bad of [undefined, null, "", "a b", "x".repeat(129), "<script>"]) {
      expect(requestIdFrom(bad)).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});
