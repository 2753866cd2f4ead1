import { prisma } from "@/lib/db/client";
import type { TestWorkspace } from "@/test/fixtures/workspace";

// Requests and reads shared by the tracking API's HTTP tests
// (ingest-http.test.ts, ingest-http-input.test.ts).

const basic = (key: string) => `Basic ${Buffer.from(`${key}:`).toString("base64")}`;

/** Helpers bound to the test file's workspace (read when called: it is made in beforeAll). */
export function ingestHelpers(workspace: () => TestWorkspace) {
  function post(
    body: unknown,
    options: {
      key?: string | null;
      contentType?: string;
      raw?: boolean;
      headers?: Record<string, string>;
    } = {},
  ): Request {
    const headers: Record<string, string> = {
      "content-type": options.contentType ?? "application/json",
      ...options.headers,
    };
    const key = options.key === undefined ? workspace().writeKey : options.key;
    if (key) headers.authorization = basic(key);
    return new Request("http://cue.test/api/v1/x", {
      method: "POST",
      headers,
      body: options.raw ? (body as BodyInit) : JSON.stringify(body),
    });
  }

  async function eventsByMessageIds(ids: string[], workspaceId = workspace().workspaceId) {
    return prisma.event.findMany({ where: { workspaceId, messageId: { in: ids } } });
  }

  return { post, eventsByMessageIds };
}

let counter = 0;
export const uid = (prefix = "m") => `${prefix}-${Date.now().toString(36)}-${++counter}`;

export type Body = {
  success?: boolean;
  accepted?: number;
  duplicates?: number;
  rejected?: { index: number; code: string; field: string | null; message: string }[];
  error?: { code: string; message: string; details?: { reason?: string } };
};

export async function json(response: Response): Promise<Body> {
  return (await response.json()) as Body;
}
