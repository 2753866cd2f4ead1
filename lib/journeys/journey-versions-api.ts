import "server-only";
import { parseOrThrow } from "@/lib/api/errors";
import { diffJourneyVersions } from "./diff-journey-versions";
import { type Caller, readOptionalJson } from "./journey-api";
import {
  diffQuerySchema,
  parseUrlPartOrThrow,
  restoreVersionSchema,
  versionParamSchema,
} from "./journey-version-schemas";
import { getJourneyVersion, listJourneyVersions } from "./list-journey-versions";
import { restoreJourneyVersion } from "./restore-journey-version";

// Version history for the builder (session API): list, read one, diff two,
// restore one as the draft. Each route authenticates, then calls one of these.

const query = (request: Request) => Object.fromEntries(new URL(request.url).searchParams);

export async function listVersionsResponse(caller: Caller, id: string): Promise<Response> {
  const versions = await listJourneyVersions({ workspaceId: caller.workspaceId, id });
  return Response.json({ versions });
}

export async function getVersionResponse(
  caller: Caller,
  id: string,
  versionParam: string,
): Promise<Response> {
  const { version } = parseUrlPartOrThrow(versionParamSchema, { version: versionParam });
  return Response.json({
    version: await getJourneyVersion({ workspaceId: caller.workspaceId, id, version }),
  });
}

export async function diffVersionsResponse(
  caller: Caller,
  id: string,
  request: Request,
): Promise<Response> {
  const diffQuery = parseUrlPartOrThrow(diffQuerySchema, query(request));
  return Response.json(
    await diffJourneyVersions({ workspaceId: caller.workspaceId, id, query: diffQuery }),
  );
}

export async function restoreVersionResponse(
  caller: Caller,
  id: string,
  versionParam: string,
  request: Request,
): Promise<Response> {
  const { version } = parseUrlPartOrThrow(versionParamSchema, { version: versionParam });
  const { draftRevision } = parseOrThrow(restoreVersionSchema, await readOptionalJson(request));
  const journey = await restoreJourneyVersion({ ...caller, id, version, draftRevision });
  return Response.json({ journey });
}
