import { describe, expect, it } from "vitest";
import { buildTemplateScope } from "@/lib/templates/template-scope";
import type { EmailContent } from "./message-content";
import { renderEmail } from "./render-email";

const links = {
  pageUrl: "https://cue.test/unsubscribe/tok",
  oneClickUrl: "https://cue.test/api/unsubscribe/tok",
};
const scope = (traits: Record<string, unknown>, event: Record<string, unknown> = {}) =>
  buildTemplateScope({
    profile: { id: "p1", userId: "u1", email: "ann@example.com", traits },
    eventProperties: event,
    journey: { id: "j1", name: "Onboarding" },
    message: { id: "m1", channel: "email" },
    unsubscribeUrl: links.pageUrl,
  });
const content = (overrides: Partial<EmailContent> = {}): EmailContent => ({
  subject: "Hi {{ profile.traits.name }}",
  preheader: "",
  body: "Hello",
  bodyFormat: "markdown",
  transactional: false,
  ...overrides,
});
const render = (
  c: EmailContent,
  s = scope({ name: "Ann" }),
  unsubscribe: typeof links | null = links,
) => renderEmail(c, s, { unsubscribe, workspaceName: "Acme & Sons" });

describe("renderEmail", () => {
  it("renders subject, preheader and Markdown body with the whole scope", async () => {
    const email = await render(
      content({
        subject: "{{ event.plan }} for {{ profile.traits.name }}",
        preheader: "From {{ journey.name }}",
        body: "# Hi {{ profile.id }}\n\nYour email: {{ profile.email }} ({{ message.id }})\n\n[Stop]({{ unsubscribe_url }})",
      }),
      scope({ name: "Ann" }, { plan: "Pro" }),
    );
    expect(email.subject).toBe("Pro for Ann");
    expect(email.preheader).toBe("From Onboarding");
    expect(email.html).toContain(">Hi u1</h1>");
    expect(email.html).toContain("ann@example.com (m1)");
    expect(email.html).toContain(`href="${links.pageUrl}"`);
    expect(email.html).toMatch(/<div style="display:none[^"]*">From Onboarding/);
  });

  it("renders missing variables empty, with default as the fallback", async () => {
    const email = await render(
      content({
        subject: "Hi {{ profile.traits.first_name | default: 'there' }}",
        body: "[{{ profile.traits.nope }}]",
      }),
      scope({}),
    );
    expect(email.subject).toBe("Hi there");
    expect(email.text.startsWith("[]")).toBe(true);
  });

  it("renders traits holding markup or Liquid as text everywhere", async () => {
    const traits = {
      name: "<script>alert(1)</script>{{ 7 | times: 6 }}",
      link: "[click](javascript:alert(1))",
    };
    for (const bodyFormat of ["markdown", "html"] as const) {
      const email = await render(
        content({
          subject: "{{ profile.traits.name }}",
          body: "<p>{{ profile.traits.name }} {{ profile.traits.link }}</p>",
          bodyFormat,
        }),
        scope(traits),
      );
      expect(email.html).not.toContain("<script>alert");
      expect(email.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;{{ 7 | times: 6 }}");
      expect(email.html).not.toContain('href="javascript');
      expect(email.html).not.toContain(">42<");
      // The subject is a header, not HTML: shown exactly as typed.
      expect(email.subject).toBe("<script>alert(1)</script>{{ 7 | times: 6 }}");
      expect(email.text).toContain("<script>alert(1)</script>{{ 7 | times: 6 }}");
    }
  });

  it("keeps a newline in a trait from splitting the subject header", async () => {
    const email = await render(content(), scope({ name: "Ann\r\nBcc: evil@example.com" }));
    expect(email.subject).toBe("Hi Ann Bcc: evil@example.com");
  });

  it("lets power users write HTML", async () => {
    const email = await render(
      content({
        bodyFormat: "html",
        body: '<table><tr><td class="x">{{ profile.traits.name }}</td></tr></table>',
      }),
    );
    expect(email.html).toContain('<td class="x">Ann</td>');
  });

  it("wraps in a responsive layout with a text alternative and unsubscribe headers", async () => {
    const email = await render(
      content({ body: "Hello **there**\n\n- a\n- b\n\n[Docs](https://docs.test)" }),
    );
    expect(email.html).toMatch(/^<!doctype html>/);
    expect(email.html).toContain('name="viewport"');
    expect(email.html).toContain("@media only screen and (max-width:620px)");
    expect(email.html).toContain("max-width:600px");
    expect(email.html).not.toMatch(/<script/i);
    expect(email.html).toContain("Acme &amp; Sons");
    expect(email.text).toBe(
      `Hello there\n\n- a\n- b\n\nDocs (https://docs.test)\n\n--\nUnsubscribe: ${links.pageUrl}`,
    );
    expect(email.headers).toEqual({
      "List-Unsubscribe": `<${links.oneClickUrl}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });
    expect(email.unsubscribeUrl).toBe(links.pageUrl);
  });

  it("gives transactional mail no unsubscribe link or headers", async () => {
    const email = await render(content({ transactional: true }));
    expect(email.headers).toEqual({});
    expect(email.unsubscribeUrl).toBeNull();
    expect(email.html).not.toContain("Unsubscribe");
    expect(email.text).not.toContain("Unsubscribe");
  });

  it("reports render-time Liquid errors with the field", async () => {
    await expect(render(content({ body: "{{ 1 | divided_by: 0 }}" }))).resolves.toBeDefined();
    await expect(
      render(content({ body: "{% for i in (1..100000000) %}{{ i }}{% endfor %}" })),
    ).rejects.toMatchObject({
      code: "validation_failed",
      details: { issues: [{ field: "content.email.body" }] },
    });
  }, 20_000);
});
