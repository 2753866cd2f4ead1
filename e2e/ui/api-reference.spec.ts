import { expect, type Page, test } from "@playwright/test";

// /docs/api: the API reference Scalar renders from /api/v1/openapi.json,
// public (no session), working under the app's own CSP with no violation
// and without reaching any other origin.

async function watch(page: Page): Promise<{ violations: string[]; foreign: string[] }> {
  const violations: string[] = [];
  const foreign: string[] = [];
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
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (!["localhost", "127.0.0.1"].includes(url.hostname) && url.protocol.startsWith("http")) {
      foreign.push(request.url());
    }
  });
  return { violations, foreign };
}

test.use({ storageState: { cookies: [], origins: [] } });

test("renders every area of the API, signed out, under the CSP", async ({ page }) => {
  test.setTimeout(90_000);
  const seen = await watch(page);
  const response = await page.goto("/docs/api");
  expect(response?.status()).toBe(200);
  expect(response?.headers()["content-security-policy"]).toContain("'strict-dynamic'");
  await expect(page.getByRole("heading", { name: "Cue API", level: 1 })).toBeVisible({
    timeout: 30_000,
  });
  const sidebar = page.locator("nav, aside").first();
  for (const tag of ["Tracking", "Inbox", "Profiles", "Messages", "Journeys", "Webhooks"]) {
    await expect(sidebar.getByText(tag, { exact: true }).first()).toBeVisible();
  }
  // The in-app content of POST /api/v1/messages, from the zod schema and its examples.
  await sidebar.getByText("Messages", { exact: true }).first().click();
  await expect(
    page.getByRole("heading", { name: "Send a template or inline content to a profile" }),
  ).toBeVisible({ timeout: 15_000 });
  await page.waitForTimeout(1_000);
  expect(seen.violations).toEqual([]);
  expect(seen.foreign).toEqual([]);
});
