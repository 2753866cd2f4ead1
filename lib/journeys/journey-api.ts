import "server-only";
import { notFound, parseOrThrow, readJson } from "@/lib/api/errors";
import { createJourney } from "./create-journey";
import { getJourneyOrThrow, journeyView } from "./get-journey-or-throw";
import {
  createJourneySchema,
  journeyActionSchema,
  listJourneysQuerySchema,
  listRunsQuerySchema,
  updateJourneySchema,
  validateDefinitionSchema,
} from "./journey-schemas";
import { listJourneyRuns } from "./list-journey-runs";
import { listJourneys } from "./list-journeys";
import { runJourneyAction, validateDefinition } from "./run-journey-action";
import { updateJourney } from "./update-journey";

// The journeys API behind both doors: /api/v1/journeys (secret key, for
// journeys-as-code) and /api/w/:workspaceId/journeys (session, for the
// builder). Each route authenticates, then calls one of these with the
// workspace it resolved; both answer the same JSON.

export interface Caller {
  workspaceId: string;
  /** The signed-in member (session API); null for the secret key. */
  memberId: string | null;
}

/** Actions like pause take no body; publish may take one (a note, the revision). */
export async function readOptionalJson(request: Request): Promise<unknown> {
  const length = request.headers.get("content-length");
  if (length === "0" || (!length && !request.headers.get("content-type"))) return {};
  return readJson(request);
}

const query = (request: Request) => Object.fromEntries(new URL(request.url).searchParams);

export async function listJourneysResponse(caller: Caller, request: Request): Promise<Response> {
  const { status } = parseOrThrow(listJourneysQuerySchema, query(request));
  return Response.json({
    journeys: await listJourneys({ workspaceId: caller.workspaceId, status }),
  });
}

export async function createJourneyResponse(caller: Caller, request: Request): Promise<Response> {
  const journey = parseOrThrow(createJourneySchema, await readJson(request));
  const created = await createJourney({ ...caller, journey });
  return Response.json({ journey: created }, { status: 201 });
}

export async function getJourneyResponse(caller: Caller, id: string): Promise<Response> {
  const journey = await getJourneyOrThrow({ workspaceId: caller.workspaceId, id });
  return Response.json({ journey: await journeyView(journey) });
}

export async function updateJourneyResponse(
  caller: Caller,
  id: string,
  request: Request,
): Promise<Response> {
  const update = parseOrThrow(updateJourneySchema, await readJson(request));
  return Response.json({ journey: await updateJourney({ ...caller, id, update }) });
}

export async function journeyActionResponse(
  caller: Caller,
  id: string,
  action: string,
  request: Request,
): Promise<Response> {
  const parsed = journeyActionSchema.safeParse(action);
  if (!parsed.success) throw notFound("Journey action");
  const body = await readOptionalJson(request);
  const result = await runJourneyAction({ ...caller, id, action: parsed.data, body });
  // A duplicate is a new journey; every other action changes this one.
  return Response.json(result, { status: parsed.data === "duplicate" ? 201 : 200 });
}

export async function validateDefinitionResponse(request: Request): Promise<Response> {
  const { definition } = parseOrThrow(validateDefinitionSchema, await readJson(request));
  return Response.json(validateDefinition(definition));
}

export async function listRunsResponse(
  caller: Caller,
  id: string,
  request: Request,
): Promise<Response> {
  const runsQuery = parseOrThrow(listRunsQuerySchema, query(request));
  return Response.json(
    await listJourneyRuns({ workspaceId: caller.workspaceId, id, query: runsQuery }),
  );
}
