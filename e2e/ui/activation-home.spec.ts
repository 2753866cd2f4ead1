import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { seedDemoWorkspace } from "../e2e-database";

// The first hour: a new user signs in to the demo and lands on the home
// page, which shows activation ("Report Created" within 7 days) by signup
// cohort and, per demo journey, the activated share of messaged users
// against the holdout with its 95% range. Every figure comes from the rows
// the demo seed played through the engine.

test("a new user signs in and sees a non-empty activation chart and a demo journey with a computed lift interval", async ({
  browser,
}, testInfo) => {
  test.setTimeout(420_000);
  const demo = seedDemoWorkspace();
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/, { timeout: 30_000 });
  await page.getByLabel("Email").fill(demo.email);
  await page.getByLabel("Password").fill(demo.password);
  await page.getByRole("button", { name: "Sign in" }).click();

  // Marketers land on the home page.
  // The home page reads the workspace's history on the server: allow a busy machine time.
  await expect(page).toHaveURL(new RegExp(`/w/${demo.workspaceId}$`), { timeout: 60_000 });
  await expect(page.getByRole("heading", { level: 1, name: "Home" })).toBeVisible();
  await expect(
    page.getByText("Activation: “Report Created” within 7 days of first seen."),
  ).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Home" })).toHaveAttribute("aria-current", "page");

  // A chart with bars, and a data table whose rates are real numbers.
  const chart = page.getByTestId("activation-chart");
  await expect(chart.locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(page.getByTestId("activation-overall")).toContainText(
    /^\d+\.\d% of the \d+ profiles/,
  );
  await chart.getByText("Data table").click();
  const rates = await chart.locator("tbody td:nth-child(2)").allTextContents();
  expect(rates.filter((r) => /^\d+(\.\d)?%$/.test(r)).length).toBeGreaterThan(3);

  // The demo journeys, each compared with its holdout; at least one with a 95% range.
  const journeys = page.getByTestId("journey-activation");
  await expect(journeys).toHaveCount(3);
  const withRange = page
    .getByTestId("activation-interval")
    .filter({ hasText: /^[+-]\d+\.\d pts to [+-]\d+\.\d pts$/ });
  await expect(withRange.first()).toBeVisible();
  const card = journeys.filter({ has: withRange }).first();
  await expect(card).toContainText(/of messaged profiles activated vs .* held out/);
  await expect(page.getByTestId("activation-lift-method")).toHaveAttribute(
    "title",
    /Newcombe's hybrid score interval/,
  );
  await testInfo.attach("home.png", {
    body: await page.screenshot({ fullPage: true, path: "test-results/home-activation.png" }),
    contentType: "image/png",
  });

  // Accessible: no serious or critical axe violation with the chart on screen.
  const results = await new AxeBuilder({ page }).analyze();
  const blocking = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.help}`);
  expect(blocking).toEqual([]);

  // The journey's own page shows its conversion lift with an interval too.
  await card.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/journeys\/[^/]+\/analytics/, { timeout: 60_000 });
  await expect(page.getByRole("region", { name: /vs holdout/ })).toBeVisible({ timeout: 30_000 });
  await context.close();
});
