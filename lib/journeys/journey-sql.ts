import "server-only";
import { randomUUID } from "node:crypto";
import { notFound } from "@/lib/api/errors";
import type { RawDb } from "@/lib/db/sql";
import { type Journey, type JourneyVersion, Prisma } from "@/lib/generated/prisma/client";
import type { JourneyStatus } from "@/lib/journey-core/journey-status";
import { toJourneyJson } from "./journey-json";
import type { JourneyJson } from "./journey-schemas";

// The journey row in SQL, for the transactions that lock a journey (publish,
// pause, resume, archive, restore, the demo set-up): they also write run
// rows, trigger rows and NOTIFYs, so they run on lib/db/sql.ts
// (sqlTransaction), and read and write the journey here. Rows come back as
// Prisma's `Journey` (test/journeys/journey-sql.test.ts compares them).

const JOURNEY_COLUMNS = Prisma.raw(
  `id, "workspaceId", name, status::text AS status, draft, "draftRevision", "currentVersionId",
  "createdAt", "updatedAt", "updatedById"`,
);

/**
 * Locks the journey row for a status change or publish, so two of them on
 * the same journey happen one after the other.
 */
export async function lockJourneyOrThrow(
  tx: RawDb,
  input: { workspaceId: string; id: string },
): Promise<Journey> {
  const [journey] = await tx.$queryRaw<Journey[]>`
    SELECT ${JOURNEY_COLUMNS} FROM journeys
    WHERE id = ${input.id} AND "workspaceId" = ${input.workspaceId}
    FOR UPDATE`;
  if (!journey) throw notFound("Journey");
  return journey;
}

/**
 * Appends to the journey's status history (journey_status_changes), which the
 * engine reads to decide entries by the trigger's event time.
 */
export async function recordStatusChange(
  tx: RawDb,
  journey: { id: string; workspaceId: string },
  change: { status: JourneyStatus; versionId: string | null; at: Date },
): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO journey_status_changes ("workspaceId", "journeyId", status, "versionId", at)
    VALUES (${journey.workspaceId}, ${journey.id}, ${change.status}::"JourneyStatus",
            ${change.versionId}, ${change.at}::timestamp(3))`;
}

/** Who made a change: a member, null for the secret key, undefined to leave it as is. */
type Editor = string | null | undefined;

function editedBy(memberId: Editor): Prisma.Sql {
  return memberId === undefined ? Prisma.empty : Prisma.sql`, "updatedById" = ${memberId}`;
}

export async function setJourneyStatus(
  tx: RawDb,
  journey: Journey,
  status: JourneyStatus,
  memberId: Editor,
): Promise<Journey> {
  return updated(
    tx,
    journey,
    Prisma.sql`status = ${status}::"JourneyStatus" ${editedBy(memberId)}`,
  );
}

/** Makes a version current (publish); a paused journey stays paused. */
export async function setCurrentVersion(
  tx: RawDb,
  journey: Journey,
  version: { id: string; status: JourneyStatus },
  memberId: Editor,
): Promise<Journey> {
  return updated(
    tx,
    journey,
    Prisma.sql`"currentVersionId" = ${version.id}, status = ${version.status}::"JourneyStatus"
      ${editedBy(memberId)}`,
  );
}

/** Replaces the draft as its next revision (restore). */
export async function replaceDraft(
  tx: RawDb,
  journey: Journey,
  draft: Prisma.JsonValue,
  memberId: string | null,
): Promise<Journey> {
  return updated(
    tx,
    journey,
    Prisma.sql`draft = ${JSON.stringify(draft)}::jsonb, "draftRevision" = "draftRevision" + 1,
      "updatedById" = ${memberId}`,
  );
}

async function updated(tx: RawDb, journey: Journey, set: Prisma.Sql): Promise<Journey> {
  const [row] = await tx.$queryRaw<Journey[]>`
    UPDATE journeys SET ${set}, "updatedAt" = ${new Date()}::timestamp(3)
    WHERE id = ${journey.id} AND "workspaceId" = ${journey.workspaceId}
    RETURNING ${JOURNEY_COLUMNS}`;
  if (!row) throw notFound("Journey");
  return row;
}

/** A new draft journey (the demo set-up; the API creates journeys in create-journey.ts). */
export async function insertJourney(
  tx: RawDb,
  input: { workspaceId: string; name: string; draft: object; id?: string; at?: Date },
): Promise<Journey> {
  const now = input.at ?? new Date();
  const [row] = await tx.$queryRaw<Journey[]>`
    INSERT INTO journeys (id, "workspaceId", name, draft, "createdAt", "updatedAt")
    VALUES (${input.id ?? randomUUID()}, ${input.workspaceId}, ${input.name}, ${JSON.stringify(input.draft)}::jsonb,
      ${now}::timestamp(3), ${now}::timestamp(3))
    RETURNING ${JOURNEY_COLUMNS}`;
  if (!row) throw new Error("INSERT … RETURNING returned no journey");
  return row;
}

type VersionRow = Pick<
  JourneyVersion,
  "id" | "version" | "note" | "publishedAt" | "definition" | "journeyId"
>;

/** One version of the journey, by id or by number. */
export async function findVersion(
  tx: RawDb,
  journey: { id: string; workspaceId: string },
  which: { id: string } | { version: number },
): Promise<VersionRow | null> {
  const match =
    "id" in which ? Prisma.sql`id = ${which.id}` : Prisma.sql`version = ${which.version}`;
  const [row] = await tx.$queryRaw<VersionRow[]>`
    SELECT id, "journeyId", version, note, "publishedAt", definition FROM journey_versions
    WHERE ${match} AND "journeyId" = ${journey.id} AND "workspaceId" = ${journey.workspaceId}`;
  return row ?? null;
}

/** Freezes a definition as the journey's next version number. */
export async function insertNextVersion(
  tx: RawDb,
  journey: { id: string; workspaceId: string },
  input: {
    definition: object;
    note: string | null;
    memberId: string | null;
    /** When it was published (default now); the demo seed backdates its history. */
    at?: Date;
  },
): Promise<{ id: string; version: number }> {
  const [row] = await tx.$queryRaw<{ id: string; version: number }[]>`
    INSERT INTO journey_versions (id, "journeyId", "workspaceId", version, definition, note,
      "publishedAt", "publishedById")
    SELECT ${randomUUID()}, ${journey.id}, ${journey.workspaceId}, coalesce(max(version), 0) + 1,
      ${JSON.stringify(input.definition)}::jsonb, ${input.note}, ${input.at ?? new Date()}::timestamp(3),
      ${input.memberId}
    FROM journey_versions WHERE "journeyId" = ${journey.id} AND "workspaceId" = ${journey.workspaceId}
    RETURNING id, version`;
  if (!row) throw new Error("INSERT … RETURNING returned no version");
  return row;
}

/** The journey as the API shows it, read inside the transaction that changed it. */
export async function journeyViewIn(tx: RawDb, journey: Journey): Promise<JourneyJson> {
  const current = journey.currentVersionId
    ? await findVersion(tx, journey, { id: journey.currentVersionId })
    : null;
  return toJourneyJson(journey, current);
}
