// POST /api/setup – first run only: create the owner and the first workspace
import { errorResponse } from "@/lib/api/error-reply";
import { parseOrThrow, readJson } from "@/lib/api/errors";
import { setupOwner, setupSchema } from "@/lib/workspaces/setup-owner";

export async function POST(request: Request) {
  try {
    const input = parseOrThrow(setupSchema, await readJson(request));
    const { workspaceId } = await setupOwner(input);
    return Response.json({ workspaceId }, { status: 201 });
  } catch (error) {
    return errorResponse(error, { route: "/api/setup" });
  }
}
