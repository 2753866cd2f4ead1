// POST /api/setup – first run only: create the owner and the first workspace
import { errorResponse } from "@/lib/api/error-reply";
import { parseOrThrow, readJson } from "@/lib/api/errors";
import { setupOwner, setupSchema } from "@/lib/workspaces/setup-owner";

export async function POST(request: Request) {
  try {
    const input = parseOrThrow(setupSchema, await readJson(request));
    const { workspaceId, secretKey } = await setupOwner(input);
    // The secret key's text is in this answer only: Cue stores its hash.
    return Response.json({ workspaceId, secretKey }, { status: 201 });
  } catch (error) {
    return errorResponse(error, { route: "/api/setup" });
  }
}
