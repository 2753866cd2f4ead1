import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as batchRoute } from "@/app/api/v1/batch/route";
import { prisma } from "@/lib/db/client";
import { asRecord } from "@/lib/db/json-record";
import { LAST_SEEN_RESOLUTION_MS } from "@/lib/ingest/insert-events";
import {
  applyProfileCall,
  emptyProfileValue,
  type ProfileCall,
  type ProfileValue,
} from "@/lib/journey-core/profile-merge";
import { createTestWorkspace, type TestWorkspace } from "@/test/fixtures/workspace";
import { type GeneratedSequence, sequence } from "./profile-merge-arbitraries";
import { type ModelCall, type ModelProfile, ProfileModel } from "./profile-merge-model";

// Ingestion's SQL and the core's pure merge (lib/journey-core/profile-merge.ts)
// build the same profiles. Random sequences of identify / track / page /
// group / alias calls, retries included, go through the real tracking API
// (POST /api/v1/batch) and through the pure merge (profile-merge-model.ts);
// every stored profile must equal the model's: userId, identities, traits,
// email, timezone (trait and device), first/last seen, group memberships.
// And what replays do (preview, backtests, "why not?": the core's merge over
// a profile's stored events in time order) must give the stored profile.
//
// Each property run sends SEQUENCES_PER_RUN sequences at once: their ids are
// prefixed apart, request r of every sequence goes into the same /batch
// request, and the profiles are read back in one query.

const RUNS = Number(process.env.PROFILE_MERGE_RUNS ?? 25);
const SEQUENCES_PER_RUN = 40;
const BASE = Date.UTC(2026, 0, 5, 8, 0, 0);

let ws: TestWorkspace;
let runCounter = 0;
let sequencesChecked = 0;

beforeAll(async () => {
  ws = await createTestWorkspace("Profile merge parity");
});

interface Sent {
  payload: Record<string, unknown>;
  model: Omit<ModelCall, "at"> & { at: Date | null };
}

/** The sequence's calls as Segment payloads with prefixed ids, request by request. */
function materialize(seq: GeneratedSequence, prefix: string): Sent[][] {
  const all: Sent[] = [];
  return seq.map((request) =>
    request.map((generated) => {
      if (generated.resend !== undefined && all.length > 0) {
        const again = all[generated.resend % all.length];
        all.push(again);
        return again;
      }
      const id = (value: string | undefined) =>
        value === undefined ? undefined : `${prefix}${value}`;
      const messageId = `${prefix}m${all.length}`;
      const timestamp = generated.time
        ? new Date(BASE + generated.time.minute * 60_000 + generated.time.ms).toISOString()
        : undefined;
      const fields = {
        userId: id(generated.userId),
        anonymousId: id(generated.anonymousId),
        previousId: id(generated.previousId),
        groupId: id(generated.groupId),
      };
      const payload: Record<string, unknown> = {
        type: generated.type,
        messageId,
        ...fields,
        ...(generated.type === "track" && { event: generated.event ?? "Clicked" }),
        ...(generated.traits && { traits: generated.traits }),
        ...(generated.context && { context: generated.context }),
        ...(timestamp && { timestamp }),
      };
      if (generated.type === "track" && !fields.userId && !fields.anonymousId) {
        payload.userId = `${prefix}u1`; // a resend with nothing to resend
      }
      const sent: Sent = {
        payload: JSON.parse(JSON.stringify(payload)),
        model: {
          type: generated.type,
          messageId,
          userId: payload.userId as string | undefined,
          anonymousId: fields.anonymousId,
          previousId: fields.previousId,
          groupId: fields.groupId,
          traits: generated.type === "identify" ? (generated.traits ?? {}) : undefined,
          context: generated.context,
          at: timestamp ? new Date(timestamp) : null,
        },
      };
      all.push(sent);
      return sent;
    }),
  );
}

async function postBatch(items: Record<string, unknown>[]): Promise<void> {
  const response = await batchRoute(
    new Request("http://cue.test/api/v1/batch", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Basic ${Buffer.from(`${ws.writeKey}:`).toString("base64")}`,
      },
      body: JSON.stringify({ batch: items }),
    }),
  );
  const body = (await response.json()) as { rejected?: unknown[] };
  expect(response.status).toBe(200);
  expect(body.rejected ?? []).toEqual([]);
}

/** A profile as compared: ids without the sequence prefix, times as ISO strings. */
function canonical(
  profile: {
    userId: string | null;
    identities: string[];
    traits: unknown;
    email: string | null;
    timezone: string | null;
    traitTimezone: string | null;
    contextTimezone: string | null;
    firstSeenAt: Date | null;
    lastSeenAt: string;
    groups: [string, Date][];
  },
  prefix: string,
) {
  const strip = (value: string) => value.replace(prefix, "");
  return {
    userId: profile.userId && strip(profile.userId),
    identities: profile.identities.map(strip).sort(),
    traits: profile.traits,
    email: profile.email,
    timezone: profile.timezone,
    traitTimezone: profile.traitTimezone,
    contextTimezone: profile.contextTimezone,
    firstSeenAt: profile.firstSeenAt?.toISOString() ?? null,
    lastSeenAt: profile.lastSeenAt,
    groups: profile.groups.map(([g, at]) => `${strip(g)}@${at.toISOString()}`).sort(),
  };
}

function fromModel(profile: ModelProfile, prefix: string) {
  const { value } = profile;
  return canonical(
    {
      userId: profile.userId,
      identities: [...profile.identities],
      traits: value.traits,
      email: value.email,
      timezone: value.timezone,
      traitTimezone: value.traitTimezone,
      contextTimezone: value.contextTimezone,
      firstSeenAt: value.firstSeenAt,
      lastSeenAt: `within a minute before ${value.lastSeenAt?.toISOString()}`,
      groups: Object.entries(value.groups),
    },
    prefix,
  );
}

async function runSequences(sequences: GeneratedSequence[]): Promise<void> {
  const run = ++runCounter;
  const prefixes = sequences.map((_, i) => `p${run}.${i}.`);
  const sent = sequences.map((seq, i) => materialize(seq, prefixes[i]));
  const rounds = Math.max(...sent.map((requests) => requests.length));
  for (let r = 0; r < rounds; r++) {
    await postBatch(sent.flatMap((requests) => (requests[r] ?? []).map((s) => s.payload)));
  }

  // In the order replays read them (preview, backtests, "why not?").
  const stored = await prisma.event.findMany({
    where: { workspaceId: ws.workspaceId, messageId: { startsWith: `p${run}.` } },
    orderBy: [{ timestamp: "asc" }, { receivedAt: "asc" }, { id: "asc" }],
    select: {
      messageId: true,
      profileId: true,
      type: true,
      traits: true,
      context: true,
      extra: true,
      timestamp: true,
    },
  });
  // Calls without a timestamp got the request's arrival time: read it back.
  const storedAt = new Map(stored.map((e) => [e.messageId, e.timestamp]));
  const replayed = replayStoredEvents(stored);
  const rows = await prisma.profile.findMany({
    where: {
      workspaceId: ws.workspaceId,
      identities: { some: { value: { startsWith: `p${run}.` } } },
    },
    include: { identities: true, groups: true },
  });

  const failures: unknown[] = [];
  sequences.forEach((seq, i) => {
    const prefix = prefixes[i];
    const model = new ProfileModel();
    for (const request of sent[i]) {
      model.applyRequest(
        request.map(({ model: call }) => ({
          ...call,
          at: call.at ?? (storedAt.get(call.messageId) as Date),
        })),
      );
    }
    const expected = model
      .all()
      .map((p) => fromModel(p, prefix))
      .sort(byIdentities);
    const modelOf = new Map(model.all().map((p) => [[...p.identities].sort().join(), p]));
    const mine = rows.filter((row) =>
      row.identities.some((identity) => identity.value.startsWith(prefix)),
    );
    const actual = mine
      .map((row) => {
        const identities = row.identities.map((i) => `${i.kind}:${i.value}`);
        const exact = modelOf.get([...identities].sort().join())?.value.lastSeenAt?.getTime();
        const lagMs = exact === undefined ? Number.NaN : exact - row.lastSeenAt.getTime();
        return canonical(
          {
            ...row,
            identities,
            lastSeenAt:
              lagMs >= 0 && lagMs < LAST_SEEN_RESOLUTION_MS
                ? `within a minute before ${new Date(exact as number).toISOString()}`
                : row.lastSeenAt.toISOString(),
            groups: row.groups.map((g) => [g.groupId, g.joinedAt]),
          },
          prefix,
        );
      })
      .sort(byIdentities);
    if (!isDeepStrictEqual(actual, expected)) failures.push({ sequence: seq, actual, expected });

    // A replay of each profile's stored events gives the stored profile,
    // except where a merge broke a same-millisecond tie (see ModelProfile).
    for (const row of mine) {
      const identities = row.identities.map((i) => `${i.kind}:${i.value}`).sort();
      if (modelOf.get(identities.join())?.tiedMerge) continue;
      const replay = replayed.get(row.id) ?? emptyProfileValue();
      const storedPart = replayedPart({
        ...row,
        traits: asRecord(row.traits),
        groups: Object.fromEntries(row.groups.map((g) => [g.groupId, g.joinedAt])),
      });
      const replayPart = replayedPart(replay);
      if (!isDeepStrictEqual(storedPart, replayPart)) {
        failures.push({ sequence: seq, replayOf: identities, stored: storedPart, replayPart });
      }
    }
  });
  sequencesChecked += sequences.length;
  if (failures.length > 0) {
    throw new Error(
      `${failures.length} sequence(s) disagree:\n${JSON.stringify(failures, null, 1)}`,
    );
  }
}

/** Each profile's stored events folded by the core's merge, as replays do. */
function replayStoredEvents(
  events: {
    profileId: string;
    type: string;
    traits: unknown;
    context: unknown;
    extra: unknown;
    timestamp: Date;
  }[],
): Map<string, ProfileValue> {
  const out = new Map<string, ProfileValue>();
  for (const e of events) {
    const call: ProfileCall = {
      type: e.type as ProfileCall["type"],
      at: e.timestamp,
      traits: asRecord(e.traits),
      contextTimezone: asRecord(e.context).timezone,
      groupId: asRecord(e.extra).groupId as string | undefined,
    };
    out.set(e.profileId, applyProfileCall(out.get(e.profileId) ?? emptyProfileValue(), call));
  }
  return out;
}

function replayedPart(
  value: Omit<ProfileValue, "traitTimes" | "contextTimezoneAt" | "lastSeenAt">,
) {
  return {
    traits: value.traits,
    email: value.email,
    traitTimezone: value.traitTimezone,
    contextTimezone: value.contextTimezone,
    timezone: value.timezone,
    firstSeenAt: value.firstSeenAt?.toISOString(),
    groups: Object.entries(value.groups)
      .map(([g, at]) => `${g}@${at.toISOString()}`)
      .sort(),
  };
}

const byIdentities = (a: { identities: string[] }, b: { identities: string[] }) =>
  a.identities.join().localeCompare(b.identities.join());

const at = (minute: number, ms = 0) => ({ minute, ms });

/** Failures the property found, and cases it reaches too rarely to guard them. */
const CASES: Record<string, GeneratedSequence> = {
  // Found: a retried alias resolved identities again and merged a profile
  // that did not exist when the original arrived.
  "a retried alias changes nothing": [
    [
      { type: "alias", userId: "u1", previousId: "u3", time: at(4) },
      { type: "identify", userId: "u3", anonymousId: "a3", traits: {}, time: at(5) },
    ],
    [{ type: "track", resend: 0 }],
  ],
  "an older identify arriving later keeps the newer traits": [
    [{ type: "identify", userId: "u1", traits: { plan: "new", email: "New@x.io" }, time: at(5) }],
    [
      {
        type: "identify",
        userId: "u1",
        traits: { plan: "old", email: null, name: "Ann" },
        time: at(1),
      },
    ],
  ],
  "a merge keeps the survivor's trait on a tie": [
    [
      { type: "identify", userId: "u1", traits: { plan: "known" }, time: at(1) },
      { type: "identify", anonymousId: "a1", traits: { plan: "anonymous", age: 3 }, time: at(1) },
    ],
    [{ type: "identify", userId: "u1", anonymousId: "a1", traits: {}, time: at(2) }],
  ],
  "profiles folded into one in one request: the first folded wins a tie": [
    [
      { type: "identify", anonymousId: "a1", traits: { plan: "one" }, time: at(1) },
      { type: "identify", anonymousId: "a2", traits: { plan: "two" }, time: at(1) },
    ],
    [
      { type: "alias", userId: "u1", previousId: "a1", time: at(2) },
      { type: "alias", userId: "u1", previousId: "a2", time: at(3) },
    ],
  ],
  "a merge takes the device timezone reported later": [
    [
      {
        type: "track",
        userId: "u1",
        event: "E",
        context: { timezone: "Europe/Paris" },
        time: at(1),
      },
      {
        type: "track",
        anonymousId: "a1",
        event: "E",
        context: { timezone: "Asia/Tokyo" },
        time: at(3),
      },
    ],
    [{ type: "alias", userId: "u1", previousId: "a1", time: at(4) }],
  ],
};

describe("ingestion and the pure profile merge", () => {
  it("agree on the kept cases", async () => {
    await runSequences(Object.values(CASES));
  });

  it(`agree on ${RUNS * SEQUENCES_PER_RUN} random call sequences`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(sequence, { minLength: SEQUENCES_PER_RUN, maxLength: SEQUENCES_PER_RUN }),
        runSequences,
      ),
      // No shrinking: a run holds 40 sequences, and the error already names the failing ones.
      { numRuns: RUNS, endOnFailure: true },
    );
    expect(sequencesChecked).toBeGreaterThanOrEqual(RUNS * SEQUENCES_PER_RUN);
  }, 300_000);
});
