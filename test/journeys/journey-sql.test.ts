import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { sqlTransaction } from "@/lib/db/sql";
import { JOURNEY_TEMPLATES } from "@/lib/journey-core/templates";
import { createJourney } from "@/lib/journeys/create-journey";
import { journeyView } from "@/lib/journeys/get-journey-or-throw";
import { insertJourney, journeyViewIn, lockJourneyOrThrow } from "@/lib/journeys/journey-sql";
import { publishJourney } from "@/lib/journeys/publish-journey";
import { restoreJourneyVersion } from "@/lib/journeys/restore-journey-version";
import { createTestWorkspace } from "@/test/fixtures/workspace";

// The journey store's locked transactions read and write the journey row in
// SQL (lib/journeys/journey-sql.ts); what they read must be what Prisma's
// model API reads, field for field, so the rest of the store cannot tell.

let workspaceId: string;
const template = JOURNEY_TEMPLATES[0];

beforeAll(async () => {
  workspaceId = (await createTestWorkspace("Journey SQL")).workspaceId;
});

describe("journey rows in SQL", () => {
  it("reads a journey as Prisma does, draft, published and restored", async () => {
    const created = await createJourney({
      workspaceId,
      journey: { template: template?.slug ?? "" },
      memberId: null,
    });
    const compare = async () => {
      const viaPrisma = await prisma.journey.findUniqueOrThrow({ where: { id: created.id } });
      const viaSql = await sqlTransaction((tx) =>
        lockJourneyOrThrow(tx, { workspaceId, id: created.id }),
      );
      expect(viaSql).toEqual(viaPrisma);
      expect(await sqlTransaction((tx) => journeyViewIn(tx, viaSql))).toEqual(
        await journeyView(viaPrisma),
      );
    };
    await compare();
    await publishJourney({ workspaceId, id: created.id });
    await compare();
    await restoreJourneyVersion({ workspaceId, id: created.id, version: 1, memberId: null });
    await compare();
    const row = await prisma.journey.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.draftRevision).toBe(2);
    expect(row.status).toBe("live");
  });

  it("inserts a journey that Prisma reads back with its defaults", async () => {
    const inserted = await sqlTransaction((tx) =>
      insertJourney(tx, { workspaceId, name: "Inserted", draft: { version: 1, nodes: [] } }),
    );
    const viaPrisma = await prisma.journey.findUniqueOrThrow({ where: { id: inserted.id } });
    expect(inserted).toEqual(viaPrisma);
    expect(viaPrisma).toMatchObject({ status: "draft", draftRevision: 1, updatedById: null });
  });
});
