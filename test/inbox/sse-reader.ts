// Reads a text/event-stream body into events, for tests and the benchmark.
export interface SseEvent {
  event: string;
  id: string | null;
  data: string;
  /** A comment line (heartbeat) rather than an event. */
  comment?: boolean;
  /** performance.now() when the event was parsed (latency measurements). */
  receivedAt: number;
}

export class SseReader {
  readonly events: SseEvent[] = [];
  private buffer = "";
  private waiters: (() => void)[] = [];
  private done = false;

  constructor(body: ReadableStream<Uint8Array>) {
    void this.pump(body.getReader());
  }

  get closed(): boolean {
    return this.done;
  }

  private async pump(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        this.buffer += decoder.decode(value, { stream: true });
        let end = this.buffer.indexOf("\n\n");
        while (end !== -1) {
          this.parse(this.buffer.slice(0, end));
          this.buffer = this.buffer.slice(end + 2);
          end = this.buffer.indexOf("\n\n");
        }
        this.wake();
      }
    } catch {
      // aborted
    }
    this.done = true;
    this.wake();
  }

  private parse(block: string): void {
    let event = "message";
    let id: string | null = null;
    const data: string[] = [];
    for (const line of block.split("\n")) {
      if (line.startsWith(":")) {
        this.events.push({
          event: "comment",
          id: null,
          data: line.slice(1).trim(),
          comment: true,
          receivedAt: performance.now(),
        });
        continue;
      }
      const colon = line.indexOf(":");
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? "" : line.slice(colon + 1).replace(/^ /, "");
      if (field === "event") event = value;
      else if (field === "id") id = value;
      else if (field === "data") data.push(value);
    }
    if (data.length > 0) {
      this.events.push({ event, id, data: data.join("\n"), receivedAt: performance.now() });
    }
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  /** Resolves with the first event (from `from` on) matching, or rejects after timeoutMs. */
  async waitFor(
    match: (event: SseEvent) => boolean,
    timeoutMs = 5_000,
    from = 0,
  ): Promise<SseEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events.slice(from).find(match);
      if (found) return found;
      if (this.done) throw new Error("The stream ended before the event arrived.");
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`No matching event within ${timeoutMs} ms.`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }
}
