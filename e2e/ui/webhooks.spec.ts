import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { loadState } from "../fixtures";

// Settings → Webhooks against the running app and its in-process worker: an
// owner adds an endpoint (a local receiver; the e2e server sets
// CUE_WEBHOOKS_ALLOW_PRIVATE=1), copies the secret shown once, sends a test
// event, sees it succeed in the delivery log, and the receiver verifies the
// signature with that secret.

test("an owner adds a webhook endpoint, sees its secret once, and a test event is delivered and logged", async ({
  page,
}) => {
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
    res.writeHead(200).end("thanks");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/cue`;

  try {
    const { workspaceId } = loadState();
    await page.goto(`/w/${workspaceId}/settings`);
    await page.getByRole("link", { name: /Webhooks: signed events/ }).click();
    await expect(page.getByRole("heading", { name: "Webhooks", level: 1 })).toBeVisible();
    await expect(page.getByText("No webhook endpoints yet")).toBeVisible();

    await page.getByRole("button", { name: "Add endpoint" }).click();
    const form = page.getByRole("form", { name: "New webhook endpoint" });
    await form.getByLabel("Endpoint URL").fill("ftp://nope.example.com");
    await form.getByRole("button", { name: "Create endpoint" }).click();
    await expect(form.getByRole("alert")).toContainText("https://");

    await form.getByLabel("Endpoint URL").fill(url);
    await form.getByLabel("Description").fill("E2E receiver");
    await form.getByRole("button", { name: "Create endpoint" }).click();
    const secret = (await page.getByTestId("webhook-secret").textContent()) ?? "";
    expect(secret).toMatch(/^whsec_/);
    await page.getByRole("button", { name: "Done" }).click();
    await expect(page.getByTestId("webhook-secret")).toHaveCount(0);
    await page.reload();
    await expect(page.getByText(secret)).toHaveCount(0);

    const card = page.getByRole("region", { name: url });
    await expect(card.getByText("Enabled")).toBeVisible();
    await card.getByRole("button", { name: "Send test event" }).click();
    const log = card.getByRole("table", { name: "Delivery log" });
    await expect(log.getByText("webhook.test", { exact: true })).toBeVisible();
    await expect(log.getByText("succeeded", { exact: true })).toBeVisible({ timeout: 15_000 });

    expect(received).toHaveLength(1);
    const [request] = received;
    const verified = new Webhook(secret).verify(request.body, {
      "webhook-id": String(request.headers["webhook-id"]),
      "webhook-timestamp": String(request.headers["webhook-timestamp"]),
      "webhook-signature": String(request.headers["webhook-signature"]),
    });
    expect(verified).toMatchObject({ type: "webhook.test" });

    await log.getByRole("button", { name: "Replay" }).click();
    await expect.poll(() => received.length, { timeout: 15_000 }).toBe(2);
    expect(received[1].headers["webhook-id"]).toBe(request.headers["webhook-id"]);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
