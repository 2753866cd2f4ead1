import { assertNever } from "@/lib/journey-core/assert-never";
import type { InboxCounts } from "./inbox-counts-shape";
import type { InboxItemJson } from "./inbox-item-json";

// What an inbox stream writes, as text/event-stream:
//   `item`    id: the seq (EventSource resends the newest as Last-Event-ID), data: the item
//   `counts`  data: the badge counts
//   `: ping`  a comment, so proxies keep an idle line open
//   `retry:`  how long EventSource waits before reconnecting

export type SseFrame =
  | { kind: "retry"; ms: number }
  | { kind: "ping" }
  | { kind: "item"; seq: bigint; item: InboxItemJson }
  | { kind: "counts"; counts: InboxCounts };

export function formatSseFrame(frame: SseFrame): string {
  switch (frame.kind) {
    case "retry":
      return `retry: ${frame.ms}\n\n`;
    case "ping":
      return ": ping\n\n";
    case "item":
      return `id: ${frame.seq}\nevent: item\ndata: ${JSON.stringify(frame.item)}\n\n`;
    case "counts":
      return `event: counts\ndata: ${JSON.stringify(frame.counts)}\n\n`;
    default:
      return assertNever(frame);
  }
}
