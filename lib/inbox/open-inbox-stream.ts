import "server-only";
import { assertNever } from "@/lib/journey-core/assert-never";
import { type InboxUser, resolveInboxProfileId } from "./authenticate-inbox-user";
import { type HubListener, type HubSignal, subscribeInbox } from "./inbox-stream";
import { startInboxStream, stepInboxStream } from "./inbox-stream-machine";
import {
  type EndReason,
  type InboxStreamCommand,
  type InboxStreamEvent,
  type InboxStreamState,
  RECENT_LIMIT,
  type Subscription,
  type Transition,
} from "./inbox-stream-types";
import { waitForProfile } from "./profile-waiters";
import { readNewestSeqs, readNewItems } from "./read-stream-items";
import { formatSseFrame } from "./sse-frame";

// One SSE connection: the imperative shell around the state machine in
// inbox-stream-machine.ts. It runs the machine's commands (subscribe, read,
// send a frame, heartbeat, end) and feeds back, as events, what happens:
// hub signals, read results, heartbeat ticks, the client leaving. Events
// are handled one at a time, in order; the machine decides everything else.

export const DEFAULT_HEARTBEAT_MS = 15_000;
// A client this far behind is cut off; it reconnects with Last-Event-ID.
const MAX_QUEUED_CHUNKS = 1_000;

export interface OpenInboxStreamInput {
  user: InboxUser;
  /** From Last-Event-ID: items after this seq are sent first. */
  lastEventId: bigint | null;
  signal: AbortSignal;
  heartbeatMs?: number;
}

type CommandOf<T extends InboxStreamCommand["type"]> = Extract<InboxStreamCommand, { type: T }>;

/** How an ending is logged; a client leaving or falling behind is not an error. */
const LOG: Partial<Record<EndReason, string>> = {
  "read-failed": "[cue] inbox stream read failed",
  "follow-failed": "[cue] inbox stream could not follow its new profile",
};

/** Resolves with the stream once it listens (rejects if it cannot start: the caller answers 503). */
export async function openInboxStream(
  input: OpenInboxStreamInput,
): Promise<ReadableStream<Uint8Array>> {
  const { user, signal } = input;
  const workspaceId = user.workspace.id;
  const encoder = new TextEncoder();
  const held: Partial<Record<Subscription, () => void>> = {};
  let heartbeat: NodeJS.Timeout | null = null;
  let resolveStarted!: () => void;
  let rejectStarted!: (error: unknown) => void;
  const started = new Promise<void>((resolve, reject) => {
    resolveStarted = resolve;
    rejectStarted = reject;
  });

  // The constructor runs start() at once: the controller is set before any command.
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const stream = new ReadableStream<Uint8Array>({
    start: (c) => {
      controller = c;
    },
    cancel: () => dispatch({ type: "client-gone" }),
  });

  let state: InboxStreamState;
  const queue: InboxStreamEvent[] = [];
  let dispatching = false;
  const apply = (transition: Transition): void => {
    state = transition.state;
    for (const command of transition.commands) {
      try {
        run(command);
      } catch (error) {
        console.error(`[cue] inbox stream command ${command.type} failed`, error);
      }
    }
  };
  // A command can cause an event (a send finds the client too slow): it is
  // handled after the current event's commands, never in the middle of them.
  const dispatch = (event: InboxStreamEvent): void => {
    queue.push(event);
    drain();
  };
  const drain = (): void => {
    if (dispatching) return;
    dispatching = true;
    try {
      for (let next = queue.shift(); next; next = queue.shift()) {
        try {
          apply(stepInboxStream(state, next));
        } catch (error) {
          console.error(`[cue] inbox stream event ${next.type} failed`, error);
        }
      }
    } finally {
      dispatching = false;
    }
  };

  const listener: HubListener = (hubSignal) => dispatch(hubEvent(hubSignal));
  const onAbort = () => dispatch({ type: "client-gone" });

  // Every command kind has its runner: a new kind fails to compile until it runs.
  const runners: { [T in InboxStreamCommand["type"]]: (command: CommandOf<T>) => void } = {
    "subscribe-profile": (c) =>
      follow("profile", subscribeInbox(`${workspaceId}:${c.profileId}`, listener)),
    "wait-for-profile": () =>
      follow(
        "waiter",
        waitForProfile(workspaceId, user.userId, (profileId) =>
          dispatch({ type: "profile-found", profileId }),
        ),
      ),
    release: (c) => {
      const release = held[c.subscription];
      delete held[c.subscription];
      release?.();
    },
    "read-cursor": (c) =>
      report(
        readNewestSeqs({ workspaceId, profileId: c.profileId, limit: RECENT_LIMIT }),
        (newest) => ({ type: "cursor-read", newest }),
        (error) => ({ type: "cursor-read-failed", error }),
      ),
    "read-items": (c) =>
      report(
        readNewItems({
          workspaceId,
          profileId: c.profileId,
          after: c.after,
          late: c.late,
          limit: c.limit,
        }),
        ({ items, counts }) => ({ type: "read-done", items, counts }),
        (error) => ({ type: "read-failed", error }),
      ),
    // A failed look-up is retried at the next heartbeat.
    "look-up-profile": () =>
      report(
        resolveInboxProfileId(workspaceId, user.userId),
        (profileId) => ({ type: "lookup-done", profileId }),
        () => ({ type: "lookup-done", profileId: null }),
      ),
    send: (c) => {
      if ((controller.desiredSize ?? 0) < -MAX_QUEUED_CHUNKS) {
        dispatch({ type: "client-too-slow" });
        return;
      }
      controller.enqueue(encoder.encode(formatSseFrame(c.frame)));
    },
    "start-heartbeat": () => {
      heartbeat = setInterval(
        () => dispatch({ type: "heartbeat" }),
        input.heartbeatMs ?? DEFAULT_HEARTBEAT_MS,
      );
      heartbeat.unref();
    },
    "stop-heartbeat": () => {
      if (heartbeat) clearInterval(heartbeat);
      heartbeat = null;
    },
    started: () => resolveStarted(),
    end: (c) => {
      signal.removeEventListener("abort", onAbort);
      try {
        controller.close();
      } catch {
        // already closed by the client going away
      }
      const message = LOG[c.reason];
      if (message) console.error(message, c.error);
      // Ended before it started: the request fails (503), or, when the
      // client already left, is answered with an empty stream.
      if (c.reason === "start-failed") rejectStarted(c.error);
      else resolveStarted();
    },
  };
  // The table is typed per kind; TypeScript cannot correlate kind and runner through the lookup.
  const run = (command: InboxStreamCommand): void =>
    (runners[command.type] as (command: InboxStreamCommand) => void)(command);

  /** Turns the outcome of async work into the machine's next event. */
  const report = <T>(
    work: Promise<T>,
    done: (value: T) => InboxStreamEvent,
    failed: (error: unknown) => InboxStreamEvent,
  ): void => {
    work.then(
      (value) => dispatch(done(value)),
      (error: unknown) => dispatch(failed(error)),
    );
  };

  /** Keeps a subscription once it is active, and tells the machine either way. */
  const follow = (to: Subscription, subscribing: Promise<() => void>): void => {
    subscribing.then(
      (release) => {
        held[to] = release;
        dispatch({ type: "subscribed", to });
      },
      (error: unknown) => dispatch({ type: "subscribe-failed", to, error }),
    );
  };

  dispatching = true;
  apply(startInboxStream({ profileId: user.profileId, lastEventId: input.lastEventId }));
  dispatching = false;
  drain();
  if (signal.aborted) onAbort();
  else signal.addEventListener("abort", onAbort);
  await started;
  return stream;
}

function hubEvent(signal: HubSignal): InboxStreamEvent {
  switch (signal.type) {
    case "item":
      return { type: "item-signal", seq: signal.seq };
    case "counts":
      return { type: "counts-signal" };
    case "resync":
      return { type: "resync" };
    default:
      return assertNever(signal);
  }
}
