import { describe, expect, it } from "vitest";
import { POST as track } from "@/app/api/v1/track/route";
import { prisma } from "@/lib/db/client";
import { sourceSnippets } from "@/lib/events/source-snippets";
import { createTestWorkspace } from "@/test/fixtures/workspace";

describe("sourceSnippets", () => {
  it("uses the origin (without a trailing slash) and the write key in every snippet", () => {
    const snippets = sourceSnippets({ origin: "https://cue.example.com/", writeKey: "wk_abc" });
    expect(snippets.curl).toContain("curl https://cue.example.com/api/v1/track");
    expect(snippets.curl).toContain("-u 'wk_abc:'");
    expect(snippets.node).toContain('host: "https://cue.example.com"');
    expect(snippets.node).not.toContain("path:");
    expect(snippets.rudderstackNode).toContain(
      'new RudderAnalytics("wk_abc", { dataPlaneUrl: "https://cue.example.com" })',
    );
    expect(snippets.segmentBrowser).toContain('cdnURL: "https://cue.example.com"');
    expect(snippets.segmentBrowser).toContain('writeKey: "wk_abc"');
    expect(snippets.browser).toContain('fetch("https://cue.example.com/api/v1/track"');
    expect(snippets.browser).toContain('writeKey: "wk_abc"');
  });

  it("the browser snippet's request (text/plain, key in the body) is accepted", async () => {
    const { workspaceId, writeKey } = await createTestWorkspace();
    // What the snippet's fetch sends, minus the browser.
    const response = await track(
      new Request("http://cue.test/api/v1/track", {
        method: "POST",
        headers: { "Content-Type": "text/plain" },
        body: JSON.stringify({
          writeKey,
          anonymousId: "anon-browser",
          event: "Viewed Pricing",
          properties: { path: "/pricing" },
        }),
      }),
    );
    expect(response.status).toBe(200);
    expect(await prisma.event.count({ where: { workspaceId, anonymousId: "anon-browser" } })).toBe(
      1,
    );
  });
});
