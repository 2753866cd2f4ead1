import { describe, expect, it } from "vitest";
import { emptyInboxCounts } from "./inbox-counts-shape";
import type { InboxItemJson } from "./inbox-item-json";
import { formatSseFrame, type SseFrame } from "./sse-frame";

describe("formatSseFrame", () => {
  const item = { id: "i1", seq: 42, title: "Hi\nthere" } as InboxItemJson;
  it.each<[SseFrame, string]>([
    [{ kind: "retry", ms: 3000 }, "retry: 3000\n\n"],
    [{ kind: "ping" }, ": ping\n\n"],
    [
      { kind: "item", seq: 42n, item },
      'id: 42\nevent: item\ndata: {"id":"i1","seq":42,"title":"Hi\\nthere"}\n\n',
    ],
    [
      { kind: "counts", counts: emptyInboxCounts() },
      `event: counts\ndata: ${JSON.stringify(emptyInboxCounts())}\n\n`,
    ],
  ])("%o", (frame, text) => {
    expect(formatSseFrame(frame)).toBe(text);
  });
});
