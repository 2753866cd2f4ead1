import { expect, test } from "@playwright/test";
import { loadState } from "../fixtures";

test("an owner sets the sender, a Resend key, delivery rules and allowed origins", async ({
  page,
}) => {
  const { workspaceId } = loadState();
  await page.goto(`/w/${workspaceId}/settings`);

  const email = page.getByRole("region", { name: "Email sending" });
  await expect(email.getByTestId("resend-key-status")).toContainText("Outbox");
  await email.getByLabel("Reply-to").fill("not-an-address");
  await email.getByRole("button", { name: "Save email settings" }).click();
  await expect(email.getByText(/email address/i)).toBeVisible();

  await email.getByLabel("From").fill("E2E Co <hello@e2e.test>");
  await email.getByLabel("Reply-to").fill("support@e2e.test");
  await email.getByLabel("Resend API key").fill("re_e2e_key_12345678");
  await email.getByRole("button", { name: "Save email settings" }).click();
  await expect(email.getByTestId("resend-key-status")).toContainText("re_…5678");
  await expect(email.getByLabel("From")).toHaveValue("E2E Co <hello@e2e.test>");
  await email.getByRole("button", { name: "Remove key" }).click();
  await expect(email.getByTestId("resend-key-status")).toContainText("Outbox");

  const rules = page.getByRole("region", { name: "Delivery rules" });
  await rules.getByLabel("At most").fill("2");
  await rules.getByRole("button", { name: "Save delivery rules" }).click();
  await expect(rules.getByRole("status")).toHaveText("Saved.");
  await page.reload();
  await expect(
    page.getByRole("region", { name: "Delivery rules" }).getByLabel("At most"),
  ).toHaveValue("2");

  const origins = page.getByRole("region", { name: "Inbox: allowed origins" });
  await origins.getByLabel("Allowed origins").fill("https://app.e2e.test\nftp://nope");
  await origins.getByRole("button", { name: "Save origins" }).click();
  await expect(origins.getByRole("alert")).toBeVisible();
  await origins.getByLabel("Allowed origins").fill("https://App.e2e.test/");
  await origins.getByRole("button", { name: "Save origins" }).click();
  await expect(origins.getByLabel("Allowed origins")).toHaveValue("https://app.e2e.test");
});
