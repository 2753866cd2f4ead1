import { expect, test } from "@playwright/test";
import { loadState } from "../fixtures";

test("admin APIs answer 401 in the error envelope when signed out", async ({
  playwright,
  baseURL,
}) => {
  const { workspaceId } = loadState();
  const anonymous = await playwright.request.newContext({
    baseURL,
    storageState: { cookies: [], origins: [] },
  });
  const response = await anonymous.get(`/api/w/${workspaceId}/members`);
  expect(response.status()).toBe(401);
  expect(await response.json()).toEqual({
    error: { code: "unauthorized", message: "Sign in to continue." },
  });
  await anonymous.dispose();
});

test("another tenant's workspace is a 404", async ({ request }) => {
  const response = await request.get("/api/w/not-my-workspace/members");
  expect(response.status()).toBe(404);
  expect(((await response.json()) as { error: { code: string } }).error.code).toBe("not_found");
});

test("too many failed sign-ins get 429", async ({ playwright, baseURL }) => {
  const api = await playwright.request.newContext({
    baseURL,
    storageState: { cookies: [], origins: [] },
  });
  const csrf = async () =>
    ((await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string }).csrfToken;
  const attempt = async () =>
    api.post("/api/auth/callback/credentials", {
      form: {
        email: "locked@e2e.test",
        password: "wrong",
        csrfToken: await csrf(),
        json: "true",
      },
    });
  const statuses: number[] = [];
  for (let i = 0; i < 7; i++) statuses.push((await attempt()).status());
  expect(statuses.slice(0, 5).every((s) => s !== 429)).toBe(true);
  const last = await attempt();
  expect(last.status()).toBe(429);
  expect(last.headers()["retry-after"]).toMatch(/^\d+$/);
  await api.dispose();
});

test("health reports the database and version", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { status: string; database: { status: string } };
  expect(body.status).toBe("ok");
  expect(body.database.status).toBe("ok");
});
