import { beforeAll, describe, expect, it, vi } from "vitest";
import { exportJourneyCsv } from "@/lib/analytics/export-journey-csv";
import { prisma } from "@/lib/db/client";
import { emailNode, inAppNode, lineJourney } from "@/lib/journey-core/test-fixtures";
import {
  FakeClock,
  identify,
  publishDefinition,
  send,
  setRules,
  track,
} from "@/test/engine/engine-fixtures";
import { ctx, get, memberWithWorkspace, session, sessionModule } from "./analytics-fixtures";

vi.mock("@/lib/auth/session", () => sessionModule());

const runsRoute = await import(
  "@/app/api/w/[workspaceId]/journeys/[journeyId]/export/runs.csv/route"
);
const messagesRoute = await import(
  "@/app/api/w/[workspaceId]/journeys/[journeyId]/export/messages.csv/route"
);

/** The body as written, byte order mark included (Response.text() drops it). */
async function body(response: Response): Promise<string> {
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
}

/** A small RFC 4180 reader, to read back what the export wrote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += c;
  }
  if (field || row.length > 0) throw new Error("CSV does not end with CRLF");
  return rows;
}

const NASTY_NAME = '=HYPERLINK("http://evil.test"), then "quotes",\ncommas and a new line';

let ws: string;
let journeyId: string;

beforeAll(async () => {
  const owner = await memberWithWorkspace("export@a.test");
  session.member = owner.member;
  ws = owner.workspaceId;
  await setRules(ws, {});
  journeyId = await publishDefinition(
    ws,
    "Export me!",
    lineJourney("Joined", [inAppNode("hi"), emailNode("mail", "{{ profile.traits.name }}")]),
  );
  const clock = new FakeClock("2026-05-01T10:00:00Z");
  const users = Array.from({ length: 7 }, (_, i) => `x${i}`);
  await send(
    clock,
    ws,
    users.map((u) => identify(u, { name: NASTY_NAME, email: `${u}@example.com` })),
  );
  await send(
    clock,
    ws,
    users.map((u) => track(u, "Joined")),
  );
});

describe("CSV exports", () => {
  it("streams every run, page by page, with a header", async () => {
    const response = await exportJourneyCsv({
      workspaceId: ws,
      journeyId,
      kind: "runs",
      query: {},
      pageSize: 3,
    });
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(
      'attachment; filename="export-me-runs.csv"',
    );
    const text = await body(response);
    expect(text.startsWith("\uFEFFrun_id,profile_id,user_id,version,")).toBe(true);
    const rows = parseCsv(text.slice(1));
    expect(rows).toHaveLength(1 + 7);
    const runs = await prisma.journeyRun.findMany({ where: { workspaceId: ws, journeyId } });
    expect(new Set(rows.slice(1).map((r) => r[0]))).toEqual(new Set(runs.map((r) => r.id)));
    expect(
      rows
        .slice(1)
        .map((r) => r[2])
        .sort(),
    ).toEqual(["x0", "x1", "x2", "x3", "x4", "x5", "x6"]);
    expect(rows[1][3]).toBe("1");
    expect(rows[1][4]).toBe("completed");
  });

  it("escapes quotes, commas, new lines and formulas in message fields", async () => {
    const response = await messagesRoute.GET(
      get(`/api/w/${ws}/journeys/${journeyId}/export/messages.csv`),
      ctx({ workspaceId: ws, journeyId }),
    );
    expect(response.status).toBe(200);
    const rows = parseCsv((await body(response)).slice(1));
    const header = rows[0];
    expect(header).toContain("subject");
    const subject = header.indexOf("subject");
    const channel = header.indexOf("channel");
    const emails = rows.slice(1).filter((r) => r[channel] === "email");
    expect(emails).toHaveLength(7);
    const stored = await prisma.message.findFirstOrThrow({
      where: { workspaceId: ws, channel: "email" },
    });
    expect(stored.subject?.startsWith("=")).toBe(true);
    // Read back: the same text, with the formula neutralised by a leading quote.
    for (const row of emails) expect(row[subject]).toBe(`'${stored.subject}`);
    expect(rows.slice(1).every((r) => r.length === header.length)).toBe(true);
  });

  it("filters by period and version, and stays in the workspace", async () => {
    const empty = await runsRoute.GET(
      get(`/api/w/${ws}/journeys/${journeyId}/export/runs.csv?from=2026-06-01&to=2026-06-02`),
      ctx({ workspaceId: ws, journeyId }),
    );
    expect(parseCsv((await body(empty)).slice(1))).toHaveLength(1);
    const noVersion = await runsRoute.GET(
      get(`/api/w/${ws}/journeys/${journeyId}/export/runs.csv?version=4`),
      ctx({ workspaceId: ws, journeyId }),
    );
    expect(parseCsv((await body(noVersion)).slice(1))).toHaveLength(1);
    const bad = await runsRoute.GET(
      get(`/api/w/${ws}/journeys/${journeyId}/export/runs.csv?from=nope`),
      ctx({ workspaceId: ws, journeyId }),
    );
    expect(bad.status).toBe(422);

    const stranger = await memberWithWorkspace("export-stranger@b.test");
    const owner = session.member;
    session.member = stranger.member;
    try {
      const foreign = await runsRoute.GET(
        get(`/api/w/${stranger.workspaceId}/journeys/${journeyId}/export/runs.csv`),
        ctx({ workspaceId: stranger.workspaceId, journeyId }),
      );
      expect(foreign.status).toBe(404);
    } finally {
      session.member = owner;
    }
  });
});
