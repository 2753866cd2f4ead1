import "server-only";
import { ApiError } from "@/lib/api/errors";
import { prisma } from "@/lib/db/client";
import type { Workspace } from "@/lib/generated/prisma/client";
import { findWorkspaceByKey, getActiveKey } from "@/lib/workspaces/api-keys";
import { readInboxTokenClaims, verifyInboxToken, verifyUserHash } from "./inbox-token";

// End users of the apps reach their inbox with the workspace's public write
// key, their user id, and proof: a user_hash or a token (see inbox-token.ts).
// Each comes as a header or, for EventSource (which cannot set headers), as a
// query parameter.

export interface InboxCredentials {
  writeKey: string | null;
  userId: string | null;
  userHash: string | null;
  token: string | null;
}

export interface InboxUser {
  workspace: Workspace;
  userId: string;
  /**
   * Null while the user id has no profile yet. Valid proof for an unknown
   * user is an empty inbox, not an error, and creates nothing: the profile
   * appears when the app identifies the user, and the inbox resolves it then.
   */
  profileId: string | null;
}

// Every failure with credentials reads the same, so an answer never tells
// whether a user, a workspace or a key exists.
const REJECTED = "Invalid or expired inbox credentials.";
const MAX_USER_ID = 256;

export function readInboxCredentials(request: Request): InboxCredentials {
  const query = new URL(request.url).searchParams;
  const header = (name: string) => request.headers.get(name)?.trim() || null;
  const param = (name: string) => query.get(name)?.trim() || null;
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get("authorization") ?? "")?.[1];
  return {
    writeKey: header("x-cue-write-key") ?? param("write_key"),
    userId: header("x-cue-user-id") ?? param("user_id"),
    userHash: header("x-cue-user-hash") ?? param("user_hash"),
    token: bearer ?? param("token"),
  };
}

/**
 * The workspace the credentials name, before any user proof is checked (CORS
 * is decided between the two). A token names its workspace itself; a write
 * key given with it must name the same one.
 */
export async function resolveInboxWorkspace(credentials: InboxCredentials): Promise<Workspace> {
  const { writeKey, token, userHash } = credentials;
  if (!token && !(writeKey && userHash)) {
    throw new ApiError(
      "unauthorized",
      "Send the write key, the user id and a user_hash, or a token from POST /api/v1/inbox/token.",
    );
  }
  const fromKey = writeKey ? await findWorkspaceByKey(writeKey, "write") : null;
  if (writeKey && !fromKey) throw new ApiError("unauthorized", REJECTED);
  if (!token) return fromKey as Workspace;

  const claims = readInboxTokenClaims(token);
  if (!claims || (fromKey && fromKey.id !== claims.w)) throw new ApiError("unauthorized", REJECTED);
  if (fromKey) return fromKey;
  const workspace = await prisma.workspace.findUnique({ where: { id: claims.w } });
  if (!workspace) throw new ApiError("unauthorized", REJECTED);
  return workspace;
}

/** Checks the proof against the workspace's active secret key and names the user. */
export async function verifyInboxUser(
  credentials: InboxCredentials,
  workspace: Workspace,
  now: Date = new Date(),
): Promise<InboxUser> {
  const secretKey = await getActiveKey(workspace.id, "secret");
  if (!secretKey) throw new ApiError("unauthorized", REJECTED);
  const userId = provenUserId(credentials, secretKey, now);
  if (!userId) throw new ApiError("unauthorized", REJECTED);
  return { workspace, userId, profileId: await resolveInboxProfileId(workspace.id, userId) };
}

export async function authenticateInboxUser(request: Request): Promise<InboxUser> {
  const credentials = readInboxCredentials(request);
  const workspace = await resolveInboxWorkspace(credentials);
  return verifyInboxUser(credentials, workspace);
}

/** The profile that owns a user id (identity merges keep this row current). */
export async function resolveInboxProfileId(
  workspaceId: string,
  userId: string,
): Promise<string | null> {
  const identity = await prisma.profileIdentity.findUnique({
    where: { workspaceId_kind_value: { workspaceId, kind: "userId", value: userId } },
    select: { profileId: true },
  });
  return identity?.profileId ?? null;
}

function provenUserId(credentials: InboxCredentials, secretKey: string, now: Date): string | null {
  const { token, userId, userHash } = credentials;
  if (userId !== null && userId.length > MAX_USER_ID) return null;
  if (token) {
    const claims = verifyInboxToken(token, secretKey, now);
    // A user id sent alongside must be the token's: one user per request.
    if (!claims || (userId !== null && userId !== claims.u)) return null;
    return claims.u;
  }
  if (!userId || !userHash) return null;
  return verifyUserHash(secretKey, userId, userHash) ? userId : null;
}
