import { afterEach, describe, expect, it, vi } from "vitest";
import { createAuth } from "./auth";
import { createInboxClient } from "./inbox-client";

interface Call {
  url: string;
  init: RequestInit;
}

/** A fetch that answers each call with the next of `answers` (status, body). */
function stubFetch(...answers: [number, unknown][]) {
  const calls: Call[] = [];
  vi.stubGlobal("fetch", (url: string, init: RequestInit) => {
    calls.push({ url, init });
    const [status, body] = answers[Math.min(calls.length, answers.length) - 1];
    return Promise.resolve({
      ok: status < 400,
      status,
      json: () => Promise.resolve(body),
    });
  });
  return calls;
}

const headersOf = (call: Call | undefined) => call?.init.headers as Record<string, string>;

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("createInboxClient", () => {
  it("sends the user hash as headers, JSON bodies, no cookies, POSTs as keepalive", async () => {
    const calls = stubFetch([200, { updated: 2 }]);
    const auth = createAuth({ writeKey: "wk_1", userId: "ada", userHash: "abc" });
    const client = createInboxClient("https://cue.test", auth);
    await expect(client.bulk(["a", "b"], "seen")).resolves.toEqual({ updated: 2 });
    expect(calls[0]?.url).toBe("https://cue.test/api/v1/inbox/bulk");
    expect(calls[0]?.init).toMatchObject({
      method: "POST",
      credentials: "omit",
      keepalive: true,
      body: JSON.stringify({ ids: ["a", "b"], action: "seen" }),
    });
    expect(headersOf(calls[0])).toEqual({
      "X-Cue-Write-Key": "wk_1",
      "X-Cue-User-Id": "ada",
      "X-Cue-User-Hash": "abc",
      "Content-Type": "application/json",
    });
  });

  it("escapes item ids in action paths", async () => {
    const calls = stubFetch([200, {}]);
    const client = createInboxClient("", createAuth({ writeKey: "wk", token: "t" }));
    await client.act("a/b?c", "read");
    expect(calls[0]?.url).toBe("/api/v1/inbox/a%2Fb%3Fc/read");
    expect(headersOf(calls[0])).toEqual({ "X-Cue-Write-Key": "wk", Authorization: "Bearer t" });
  });

  it("after a 401, asks refreshToken once and retries with the new token", async () => {
    const calls = stubFetch([401, { error: { message: "expired" } }], [200, { items: [] }]);
    const refreshToken = vi.fn(async () => "fresh");
    const auth = createAuth({ writeKey: "wk", token: "old", refreshToken });
    const client = createInboxClient("https://cue.test", auth);
    await expect(client.list("kind=card")).resolves.toEqual({ items: [] });
    expect(refreshToken).toHaveBeenCalledTimes(1);
    expect(calls.map((call) => headersOf(call).Authorization)).toEqual([
      "Bearer old",
      "Bearer fresh",
    ]);
    // Later requests and the stream's parameters use it too.
    expect(auth.params()).toEqual({ write_key: "wk", token: "fresh" });
  });

  it("does not retry a second 401, and reports the API's message", async () => {
    const calls = stubFetch([401, { error: { code: "unauthorized", message: "Bad token." } }]);
    const auth = createAuth({ writeKey: "wk", token: "old", refreshToken: () => "fresh" });
    const client = createInboxClient("", auth);
    await expect(client.list("kind=card")).rejects.toThrow("Bad token.");
    expect(calls).toHaveLength(2);
  });

  it("without refreshToken, a 401 is an error at once", async () => {
    const calls = stubFetch([401, {}]);
    const client = createInboxClient(
      "",
      createAuth({ writeKey: "wk", userId: "u", userHash: "h" }),
    );
    await expect(client.list("kind=card")).rejects.toThrow("HTTP 401");
    expect(calls).toHaveLength(1);
  });

  it("a refreshToken that gives nothing fails the request", async () => {
    stubFetch([401, {}]);
    const auth = createAuth({ writeKey: "wk", token: "old", refreshToken: async () => null });
    const client = createInboxClient("", auth);
    await expect(client.list("kind=card")).rejects.toThrow("refreshToken returned no token.");
  });

  it("once closed, answers still in flight reject instead of arriving", async () => {
    stubFetch([200, { items: [] }]);
    const client = createInboxClient("", createAuth({ writeKey: "wk", token: "t" }));
    const pending = client.list("kind=card");
    client.close();
    await expect(pending).rejects.toThrow("Cue was re-initialized.");
  });
});
