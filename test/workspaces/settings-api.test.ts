import { afterEach, beforeAll, describe, expect, it } from "vitest";
import * as deliveryRules from "@/app/api/v1/delivery-rules/route";
import * as allowedOrigins from "@/app/api/v1/settings/allowed-origins/route";
import * as emailSettings from "@/app/api/v1/settings/email/route";
import { GET as getWorkspace } from "@/app/api/v1/workspace/route";
import { prisma } from "@/lib/db/client";
import { createRevokedSecretKey } from "@/test/fixtures/revoked-secret-key";
import { createTestWorkspace, type TestWorkspace } from "@/test/fixtures/workspace";
import { apiRequest, ctx } from "@/test/webhooks/webhook-fixtures";

// Configuring a workspace from code: GET /api/v1/workspace and the settings
// the Settings pages change (delivery rules, allowed origins, email), with
// the secret key. Same schemas as the session API, so the same 422s; the
// Resend key is write-only; each key changes only its own workspace.

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked field by field below
type Body = any;
type Route = (
  request: Request,
  context: { params: Promise<Record<string, never>> },
) => Promise<Response>;

let ws: TestWorkspace;
let other: TestWorkspace;
const RESEND_KEY = "re_live_Sup3rSecretKeyValue_1234";
const savedEnvKey = process.env.RESEND_API_KEY;

beforeAll(async () => {
  delete process.env.RESEND_API_KEY;
  ws = await createTestWorkspace("Acme");
  other = await createTestWorkspace("Other tenant");
});
afterEach(() => {
  if (savedEnvKey === undefined) delete process.env.RESEND_API_KEY;
  else process.env.RESEND_API_KEY = savedEnvKey;
});

async function call(
  route: Route,
  path: string,
  init: { method?: string; body?: unknown; key?: string } = {},
): Promise<{ status: number; body: Body; text: string }> {
  const response = await route(apiRequest(path, init.key ?? ws.secretKey, init), ctx({}));
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, text };
}

describe("GET /api/v1/workspace", () => {
  it("answers the key's workspace with its settings, never a key", async () => {
    await prisma.workspace.update({
      where: { id: ws.workspaceId },
      data: { resendApiKey: RESEND_KEY, allowedOrigins: ["https://app.acme.com"] },
    });
    const { status, body, text } = await call(getWorkspace, "/api/v1/workspace");
    expect(status).toBe(200);
    const created = await prisma.workspace.findUniqueOrThrow({ where: { id: ws.workspaceId } });
    expect(body.workspace).toEqual({
      id: ws.workspaceId,
      name: "Acme",
      createdAt: created.createdAt.toISOString(),
      allowedOrigins: ["https://app.acme.com"],
      deliveryRules: {
        isDefault: true,
        rules: {
          frequency: { windowHours: 24, max: 3, onLimit: "defer" },
          quietHours: { start: "21:00", end: "08:00", onQuiet: "defer", channels: ["email"] },
        },
      },
      email: {
        emailFrom: null,
        replyTo: null,
        defaultFrom: expect.any(String),
        resendApiKey: { source: "workspace", hint: "re_…1234" },
        ratePerSecond: 2,
      },
    });
    expect(text).not.toContain(RESEND_KEY);
    expect(text).not.toContain(ws.secretKey);
    expect(text).not.toContain(ws.writeKey);

    const theirs = await call(getWorkspace, "/api/v1/workspace", { key: other.secretKey });
    expect(theirs.body.workspace).toMatchObject({ id: other.workspaceId, name: "Other tenant" });
  });

  it("is a 401 for a wrong, revoked or write key", async () => {
    const rotated = await createRevokedSecretKey();
    expect((await call(getWorkspace, "/api/v1/workspace", { key: rotated.current })).status).toBe(
      200,
    );
    for (const key of ["sk_nope", rotated.revoked, ws.writeKey]) {
      const { status, body } = await call(getWorkspace, "/api/v1/workspace", { key });
      expect(status).toBe(401);
      expect(body.error.code).toBe("unauthorized");
    }
  });
});

describe("/api/v1/delivery-rules", () => {
  it("reads, replaces and resets the rules; a bad rule is a 422 naming it", async () => {
    const path = "/api/v1/delivery-rules";
    expect((await call(deliveryRules.GET, path)).body.isDefault).toBe(true);
    const rules = {
      frequency: { windowHours: 12, max: 2, perChannel: { email: 1 }, onLimit: "skip" },
    };
    const saved = await call(deliveryRules.PUT, path, { method: "PUT", body: { rules } });
    expect(saved).toMatchObject({ status: 200, body: { isDefault: false, rules } });
    expect((await call(deliveryRules.GET, path)).body).toEqual({ isDefault: false, rules });
    // Another workspace keeps its own.
    expect((await call(deliveryRules.GET, path, { key: other.secretKey })).body.isDefault).toBe(
      true,
    );

    const invalid = await call(deliveryRules.PUT, path, {
      method: "PUT",
      body: { rules: { quietHours: { start: "25:00", end: "08:00", onQuiet: "defer" } } },
    });
    expect(invalid.status).toBe(422);
    expect(invalid.body.error.details.issues[0].field).toBe("rules.quietHours.start");
    const missing = await call(deliveryRules.PUT, path, { method: "PUT", body: {} });
    expect(missing.status).toBe(422);
    expect(missing.body.error.details.issues[0].field).toBe("rules");
    expect((await call(deliveryRules.GET, path)).body.rules).toEqual(rules);

    const none = await call(deliveryRules.PUT, path, { method: "PUT", body: { rules: {} } });
    expect(none.body).toEqual({ isDefault: false, rules: {} });
    const reset = await call(deliveryRules.PUT, path, { method: "PUT", body: { rules: null } });
    expect(reset.body.isDefault).toBe(true);
    expect(
      (await call(deliveryRules.PUT, path, { method: "PUT", body: { rules }, key: "sk_x" })).status,
    ).toBe(401);
  });
});

describe("/api/v1/settings/allowed-origins", () => {
  it("replaces the origins, normalized; a bad one is a 422 naming its index", async () => {
    const path = "/api/v1/settings/allowed-origins";
    const saved = await call(allowedOrigins.PUT, path, {
      method: "PUT",
      body: {
        origins: ["HTTPS://App.Example.com:443/", "http://localhost:5173", "http://localhost:5173"],
      },
    });
    expect(saved).toMatchObject({
      status: 200,
      body: { origins: ["https://app.example.com", "http://localhost:5173"] },
    });
    expect((await call(allowedOrigins.GET, path)).body.origins).toEqual([
      "https://app.example.com",
      "http://localhost:5173",
    ]);
    const bad = await call(allowedOrigins.PUT, path, {
      method: "PUT",
      body: { origins: ["https://ok.example.com", "https://x.example.com/path"] },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.issues[0]).toMatchObject({
      field: "origins.1",
      message: expect.stringMatching(/scheme:\/\/host/),
    });
    expect((await call(allowedOrigins.GET, path)).body.origins).toHaveLength(2);
    expect((await call(allowedOrigins.GET, path, { key: other.secretKey })).body.origins).toEqual(
      [],
    );
    expect((await call(allowedOrigins.GET, path, { key: ws.writeKey })).status).toBe(401);
  });
});

describe("/api/v1/settings/email", () => {
  it("changes the fields sent, keeps the Resend key write-only, and refuses bad values by field", async () => {
    const path = "/api/v1/settings/email";
    const saved = await call(emailSettings.PUT, path, {
      method: "PUT",
      body: {
        emailFrom: "Acme <hello@acme.com>",
        replyTo: "support@acme.com",
        resendApiKey: "re_abcdefgh_5678",
        ratePerSecond: 5,
      },
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      emailFrom: "Acme <hello@acme.com>",
      replyTo: "support@acme.com",
      resendApiKey: { source: "workspace", hint: "re_…5678" },
      ratePerSecond: 5,
    });
    expect(saved.text).not.toContain("re_abcdefgh_5678");
    const stored = await prisma.workspace.findUniqueOrThrow({ where: { id: ws.workspaceId } });
    expect(stored.resendApiKey).toBe("re_abcdefgh_5678");

    // Omitted fields keep their value; "" clears one.
    const partial = await call(emailSettings.PUT, path, { method: "PUT", body: { replyTo: "" } });
    expect(partial.body).toMatchObject({
      emailFrom: "Acme <hello@acme.com>",
      replyTo: null,
      resendApiKey: { source: "workspace", hint: "re_…5678" },
    });
    const read = await call(emailSettings.GET, path);
    expect(read.body).toEqual(partial.body);
    expect(read.text).not.toContain("re_abcdefgh_5678");

    for (const [body, field] of [
      [{ emailFrom: "not an address" }, "emailFrom"],
      [{ resendApiKey: "sk_live_123456789" }, "resendApiKey"],
      [{ ratePerSecond: 0 }, "ratePerSecond"],
      [{ apiKey: "re_123456789" }, "(root)"],
    ] as const) {
      const refused = await call(emailSettings.PUT, path, { method: "PUT", body });
      expect(refused.status, JSON.stringify(body)).toBe(422);
      expect(refused.body.error.details.issues.map((i: Body) => i.field)).toContain(field);
    }
    const theirs = await call(emailSettings.GET, path, { key: other.secretKey });
    expect(theirs.body).toMatchObject({ emailFrom: null, resendApiKey: { source: null } });
  });
});
