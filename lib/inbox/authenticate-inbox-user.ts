import "server-only";
import { ApiError } from "@/lib/api/errors";
import { prisma } from "@/lib/db/client";
import { queryRows } from "@/lib/db/sql";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ApiRequest } from "@/lib/http/api-handler";
import { validSecrets } from "./inbox-signing-secret";
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

/** What the inbox needs of a workspace. */
export interface InboxWorkspace {
  id: string;
  allowedOrigins: string[];
}

export interface InboxUser {
  workspace: InboxWorkspace;
  userId: string;
  /**
   * Null while the user id has no profile yet. Valid proof for an unknown
   * user is an empty inbox, not an error, and creates nothing: the profile
   * appears when the app identifies the user, and the inbox resolves it then.
   */
  profileId: string | null;
}

/**
 * Everything needed to decide a request, read in one round trip before any
 * check: the workspace, its valid inbox signing secrets (the current one, and
 * the previous one during a rotation's grace period), and the profile of the
 * user id the request *claims*. The profile id is used only once the proof holds.
 */
export interface InboxAuthContext {
  workspace: InboxWorkspace;
  signingSecrets: string[];
  claimedUserId: string | null;
  claimedProfileId: string | null;
}

// Every failure with credentials reads the same, so an answer never tells
// whether a user, a workspace or a key exists.
const REJECTED = "Invalid or expired inbox credentials.";
const MAX_USER_ID = 256;

export function readInboxCredentials(
  request: Pick<ApiRequest, "header" | "query">,
): InboxCredentials {
  const query = request.query();
  const header = (name: string) => request.header(name)?.trim() || null;
  const param = (name: string) => query.get(name)?.trim() || null;
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(request.header("authorization") ?? "")?.[1];
  return {
    writeKey: header("x-cue-write-key") ?? param("write_key"),
    userId: header("x-cue-user-id") ?? param("user_id"),
    userHash: header("x-cue-user-hash") ?? param("user_hash"),
    token: bearer ?? param("token"),
  };
}

/**
 * Names the workspace (CORS is decided next, before any proof is checked). A
 * token names its workspace itself; a write key given with it must agree.
 */
export async function loadInboxAuthContext(
  credentials: InboxCredentials,
): Promise<InboxAuthContext> {
  const { writeKey, token, userHash } = credentials;
  if (!token && !(writeKey && userHash)) {
    throw new ApiError(
      "unauthorized",
      "Send the write key, the user id and a user_hash, or a token from POST /api/v1/inbox/token.",
    );
  }
  const claims = token ? readInboxTokenClaims(token) : null;
  if (token && !claims) throw new ApiError("unauthorized", REJECTED);
  const claimedUserId = credentials.userId ?? claims?.u ?? null;
  if (claimedUserId !== null && claimedUserId.length > MAX_USER_ID) {
    throw new ApiError("unauthorized", REJECTED);
  }
  const where = writeKey
    ? Prisma.sql`w.id = (SELECT "workspaceId" FROM api_keys
        WHERE key = ${writeKey} AND kind = 'write' AND "revokedAt" IS NULL)`
    : Prisma.sql`w.id = ${claims?.w ?? ""}`;
  const rows = await queryRows<{
    id: string;
    allowedOrigins: string[];
    secret: string | null;
    previousSecret: string | null;
    previousSecretExpiresAt: Date | null;
    profileId: string | null;
  }>(Prisma.sql`
    SELECT w.id, w."allowedOrigins", s.secret, s."previousSecret", s."previousSecretExpiresAt",
      (SELECT "profileId"::text FROM profile_identities i
        WHERE i."workspaceId" = w.id AND i.kind = 'userId' AND i.value = ${claimedUserId ?? ""})
        AS "profileId"
    FROM workspaces w LEFT JOIN inbox_signing_secrets s ON s."workspaceId" = w.id
    WHERE ${where}`);
  const row = rows[0];
  if (!row || (claims && claims.w !== row.id)) throw new ApiError("unauthorized", REJECTED);
  return {
    workspace: { id: row.id, allowedOrigins: row.allowedOrigins },
    signingSecrets:
      row.secret === null
        ? []
        : validSecrets(
            {
              secret: row.secret,
              previousSecret: row.previousSecret,
              previousSecretExpiresAt: row.previousSecretExpiresAt,
            },
            new Date(),
          ),
    claimedUserId,
    claimedProfileId: row.profileId,
  };
}

/** Checks the proof against the workspace's signing secrets and names the user. */
export function verifyInboxUser(
  credentials: InboxCredentials,
  context: InboxAuthContext,
  now: Date = new Date(),
): InboxUser {
  const { signingSecrets, claimedUserId } = context;
  if (signingSecrets.length === 0 || !claimedUserId) throw new ApiError("unauthorized", REJECTED);
  if (!proves(credentials, signingSecrets, claimedUserId, now)) {
    throw new ApiError("unauthorized", REJECTED);
  }
  return {
    workspace: context.workspace,
    userId: claimedUserId,
    profileId: context.claimedProfileId,
  };
}

export async function authenticateInboxUser(
  request: Pick<ApiRequest, "header" | "query">,
): Promise<InboxUser> {
  const credentials = readInboxCredentials(request);
  return verifyInboxUser(credentials, await loadInboxAuthContext(credentials));
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

function proves(
  credentials: InboxCredentials,
  signingSecrets: readonly string[],
  userId: string,
  now: Date,
): boolean {
  if (credentials.token) {
    const claims = verifyInboxToken(credentials.token, signingSecrets, now);
    // A user id sent alongside must be the token's: one user per request.
    return claims !== null && claims.u === userId;
  }
  return (
    credentials.userHash !== null && verifyUserHash(signingSecrets, userId, credentials.userHash)
  );
}
