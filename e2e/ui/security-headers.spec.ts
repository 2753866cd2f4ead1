import { type APIResponse, expect, type Page, type Response, test } from "@playwright/test";
import { showInDemo } from "../e2e-database";
import { loadState } from "../fixtures";

// The security headers of the running app (lib/http/security-headers.ts,
// proxy.ts, the handler table), checked on what a browser and an SDK get
// from `npm start`, and the admin app used for real under its CSP with every
// violation caught (the securitypolicyviolation event and the console).

type Headers = Record<string, string>;

function csp(headers: Headers): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of (headers["content-security-policy"] ?? "").split(";")) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name, values);
  }
  return map;
}

function expectPageHeaders(headers: Headers, referrer = "same-origin"): string {
  const policy = csp(headers);
  const nonce = policy
    .get("script-src")
    ?.find((v) => v.startsWith("'nonce-"))
    ?.slice(7, -1);
  expect(nonce, "script-src has a nonce").toBeTruthy();
  expect(policy.get("script-src")).toContain("'strict-dynamic'");
  expect(policy.get("script-src")?.join(" ")).not.toContain("unsafe");
  expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
  expect(policy.get("object-src")).toEqual(["'none'"]);
  expect(policy.get("base-uri")).toEqual(["'self'"]);
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe(referrer);
  // e2e serves plain http without a trusted proxy: no HSTS.
  expect(headers["strict-transport-security"]).toBeUndefined();
  return nonce ?? "";
}

async function writeKey(page: Page, workspaceId: string): Promise<string> {
  await page.goto(`/w/${workspaceId}/settings/sources`);
  const key = (await page.getByTestId("write-key").textContent())?.trim() ?? "";
  expect(key).toMatch(/^wk_/);
  return key;
}

test("sign-in: a fresh nonce per request, on every script of the page", async ({ browser }) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const first = await context.request.get("/sign-in");
  const second = await context.request.get("/sign-in");
  expect(first.status()).toBe(200);
  const nonce = expectPageHeaders(first.headers());
  expect(expectPageHeaders(second.headers())).not.toBe(nonce);
  const scripts = (await first.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  await context.close();
});

test("admin pages, APIs, the tracking API and cue.js get the headers that suit them", async ({
  page,
}) => {
  const { workspaceId } = loadState();
  const admin = (await page.goto(`/w/${workspaceId}/journeys`)) as Response;
  expect(admin.status()).toBe(200);
  expectPageHeaders(await admin.allHeaders());

  const key = await writeKey(page, workspaceId);
  const tracked: APIResponse = await page.request.post("/api/v1/track", {
    headers: { authorization: `Basic ${Buffer.from(`${key}:`).toString("base64")}` },
    data: { userId: "headers-user", event: "Headers Checked" },
  });
  expect(tracked.status()).toBe(200);
  const api = tracked.headers();
  expect(api["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
  expect(api["x-content-type-options"]).toBe("nosniff");
  expect(api["referrer-policy"]).toBe("no-referrer");
  expect(api["access-control-allow-origin"]).toBe("*");

  const preflight = await page.request.fetch("/api/v1/batch", {
    method: "OPTIONS",
    headers: {
      origin: "https://shop.example",
      "access-control-request-method": "POST",
      "access-control-request-headers": "content-type, x-retry-count",
    },
  });
  expect(preflight.status()).toBeLessThan(300);
  expect(preflight.headers()["access-control-allow-origin"]).toBeTruthy();
  expect(preflight.headers()["x-content-type-options"]).toBe("nosniff");

  const adminApi = await page.request.get(`/api/w/${workspaceId}/journeys`);
  expect(adminApi.status()).toBe(200);
  expect(adminApi.headers()["x-content-type-options"]).toBe("nosniff");
  expect(adminApi.headers()["content-security-policy"]).toBe(
    "default-src 'none'; frame-ancestors 'none'",
  );

  const script = await page.request.get("/cue.js");
  expect(script.status()).toBe(200);
  const js = script.headers();
  expect(js["content-type"]).toMatch(/javascript/);
  expect(js["x-content-type-options"]).toBe("nosniff");
  expect(js["cross-origin-resource-policy"]).toBe("cross-origin");
  expect(js["access-control-allow-origin"]).toBe("*");
  expect(js["x-frame-options"]).toBeUndefined();

  // An unsubscribe page (the token is bad: the page says so) cannot be framed and leaks no referrer.
  const unsubscribe = await page.request.get("/unsubscribe/not-a-token");
  expectPageHeaders(unsubscribe.headers(), "no-referrer");
});

/** Collects CSP violations of a page: the DOM event and Chromium's console report. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction("__cueCspViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { __cueCspViolation: (t: string) => void })
        .__cueCspViolation;
      report(`${event.violatedDirective} blocked ${event.blockedURI} at ${event.sourceFile}`);
    });
  });
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

/** Lets a page finish loading and hydrating (some hold a stream open, so never "network idle"). */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState("load");
  await page.waitForTimeout(500);
}

test("the main admin pages work under the CSP with no violation", async ({ page }) => {
  test.setTimeout(120_000);
  const { workspaceId } = loadState();
  const violations = await watchViolations(page);

  // The watcher itself catches a violation: a request to another origin
  // (connect-src 'self'). Code run through Playwright is exempt from
  // script-src, so an injected inline script would not show it.
  await page.goto(`/w/${workspaceId}/journeys`);
  await page.evaluate(() => fetch("https://elsewhere.example/x").catch(() => null));
  await expect.poll(() => violations.join("\n")).toMatch(/connect-src/);
  violations.length = 0;

  const created = await page.request.post(`/api/w/${workspaceId}/journeys`, {
    data: {
      name: `CSP check ${Date.now().toString(36)}`,
      definition: {
        version: 1,
        nodes: [
          { id: "trigger", type: "trigger", trigger: { kind: "event", event: "CSP Checked" } },
          {
            id: "mail",
            type: "send_email",
            content: { subject: "Hello", body: "Hi **there** ![logo](https://img.example/x.png)" },
          },
          { id: "end", type: "exit" },
        ],
        edges: [
          { from: "trigger", to: "mail" },
          { from: "mail", to: "end" },
        ],
        settings: { reentry: { mode: "once" }, holdoutPercent: 0 },
      },
    },
  });
  expect(created.status()).toBe(201);
  const journeyId = ((await created.json()) as { journey: { id: string } }).journey.id;

  const pages: [string, string | RegExp][] = [
    ["journeys", "Journeys"],
    ["users", "Users"],
    ["messages", "Messages"],
    ["messages/templates", /Templates/],
    ["events", "Events"],
    ["settings", "Settings"],
    ["settings/sources", /Sources|Settings/],
    ["analytics", "Analytics"],
  ];
  for (const [path, heading] of pages) {
    await page.goto(`/w/${workspaceId}/${path}`);
    if (typeof heading === "string") {
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    } else {
      await expect(page.getByText(heading).first()).toBeVisible();
    }
    await settle(page);
    expect(violations, `CSP violations on /w/…/${path}`).toEqual([]);
  }

  // The builder works: the canvas draws the nodes, and selecting the email
  // node renders its inspector and preview.
  await page.goto(`/w/${workspaceId}/journeys/${journeyId}`);
  await expect(page.getByLabel("Journey name")).toHaveValue(/CSP check/);
  await page.locator('[data-id="mail"]').first().click();
  await settle(page);
  expect(violations, "CSP violations in the builder").toEqual([]);

  // The demo app loads cue.js (a script added by a trusted one: 'strict-dynamic').
  const restore = await showInDemo(workspaceId);
  try {
    await page.goto("/demo?user=csp-user");
    await expect.poll(() => page.evaluate(() => "Cue" in window), { timeout: 15_000 }).toBe(true);
    await settle(page);
    expect(violations, "CSP violations on /demo").toEqual([]);
  } finally {
    await restore();
  }
});
