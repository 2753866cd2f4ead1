import "server-only";
import { ApiError, notFound } from "@/lib/api/errors";
import { prisma } from "@/lib/db/client";
import { postgresErrorCode } from "@/lib/db/postgres-errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TopicInput, TopicTrait, TopicUpdate } from "./topic-schemas";
import { type TopicView, toTopicView } from "./topic-view";

// A workspace's subscription topics. Send steps and templates name a topic by
// its key; deleting a topic drops its preferences, and sends that still name
// it go out as if they had no topic.

function isUniqueViolation(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return true;
  return postgresErrorCode(error) === "23505";
}

/** The mapping as the topic's columns; null clears them. */
function traitColumns(trait: TopicTrait | null) {
  return {
    traitKey: trait?.key ?? null,
    traitWhenTrue: trait?.whenTrue ?? null,
    traitChannel: trait?.channel ?? null,
  };
}

export async function listTopics(workspaceId: string): Promise<TopicView[]> {
  const rows = await prisma.topic.findMany({
    where: { workspaceId },
    orderBy: [{ name: "asc" }, { key: "asc" }],
  });
  return rows.map(toTopicView);
}

export async function createTopic(
  workspaceId: string,
  input: Omit<TopicInput, "trait"> & { trait?: TopicTrait | null },
): Promise<TopicView> {
  try {
    const { trait, ...rest } = input;
    return toTopicView(
      await prisma.topic.create({ data: { workspaceId, ...rest, ...traitColumns(trait ?? null) } }),
    );
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ApiError("conflict", `A topic with key "${input.key}" already exists.`, {
        details: { issues: [{ field: "key", message: "This key is taken." }] },
      });
    }
    throw error;
  }
}

async function findTopic(workspaceId: string, key: string) {
  const row = await prisma.topic.findUnique({ where: { workspaceId_key: { workspaceId, key } } });
  if (!row) throw notFound("Topic");
  return row;
}

export async function getTopic(workspaceId: string, key: string): Promise<TopicView> {
  return toTopicView(await findTopic(workspaceId, key));
}

export async function updateTopic(
  workspaceId: string,
  key: string,
  update: TopicUpdate,
): Promise<TopicView> {
  const row = await findTopic(workspaceId, key);
  const { trait, ...rest } = update;
  const data = trait === undefined ? rest : { ...rest, ...traitColumns(trait) };
  return toTopicView(await prisma.topic.update({ where: { id: row.id }, data }));
}

export async function deleteTopic(workspaceId: string, key: string): Promise<void> {
  const { count } = await prisma.topic.deleteMany({ where: { workspaceId, key } });
  if (count === 0) throw notFound("Topic");
}
