import { describe, expect, it } from "vitest";
import { buildTemplateScope } from "@/lib/templates/template-scope";
import type { InAppContent } from "./message-content";
import { renderInApp, safeMarkdownHtml, safeUrl } from "./render-in-app";

const now = new Date("2026-03-01T00:00:00Z");
const scope = (traits: Record<string, unknown>) =>
  buildTemplateScope({
    profile: { id: "p1", userId: "u1", email: null, traits },
    message: { id: "m1", channel: "in_app" },
  });
const render = (content: Partial<InAppContent>, traits: Record<string, unknown> = {}) =>
  renderInApp({ kind: "card", title: "T", body: "", ...content }, scope(traits), { now });

describe("renderInApp", () => {
  it("renders title and body with Liquid, body as plain text and as safe HTML", async () => {
    const out = await render(
      { title: "Hi {{ profile.traits.name }}", body: "**Welcome** {{ profile.traits.name }}" },
      { name: "Ann & Bo" },
    );
    expect(out.title).toBe("Hi Ann & Bo");
    expect(out.body).toBe("**Welcome** Ann & Bo");
    expect(out.bodyHtml).toBe("<p><strong>Welcome</strong> Ann &amp; Bo</p>");
  });

  it("renders injected markup and Liquid in traits as text", async () => {
    const out = await render(
      { body: "{{ profile.traits.evil }}" },
      { evil: "<img src=x onerror=alert(1)>{{ 6 | times: 7 }}[x](javascript:alert(1))" },
    );
    expect(out.bodyHtml).not.toContain("<img");
    expect(out.bodyHtml).not.toContain("<a");
    expect(out.bodyHtml).toContain(
      "&lt;img src=x onerror=alert(1)&gt;{{ 6 | times: 7 }}[x](javascript:alert(1))",
    );
  });

  it("keeps only the safe subset of authored Markdown", () => {
    const html = safeMarkdownHtml(
      "# Title\n\n<script>x()</script><img src=x>\n\n- [ok](https://a.test) [rel](/in/app) [mail](mailto:a@b.test) [bad](javascript:alert(1))\n\n`code`",
    );
    expect(html).not.toMatch(/<script|<img|<h1|javascript/);
    expect(html).toContain('<a href="https://a.test" rel="noopener">ok</a>');
    expect(html).toContain('<a href="/in/app" rel="noopener">rel</a>');
    expect(html).toContain('<a href="mailto:a@b.test" rel="noopener">mail</a>');
    expect(html).toContain('<a rel="noopener">bad</a>');
    expect(html).toContain("<code>code</code>");
    expect(html).toContain("<p>Title</p>");
  });

  it("drops a CTA or image whose rendered URL is unsafe", async () => {
    const out = await render(
      { ctaLabel: "Go", ctaUrl: "{{ profile.traits.url }}", imageUrl: "{{ profile.traits.url }}" },
      { url: "javascript:alert(1)" },
    );
    expect(out.ctaUrl).toBeUndefined();
    expect(out.ctaLabel).toBeUndefined();
    expect(out.imageUrl).toBeUndefined();
    const ok = await render(
      { ctaLabel: "Go", ctaUrl: "https://a.test/{{ profile.traits.id }}" },
      { id: "42" },
    );
    expect(ok).toMatchObject({ ctaLabel: "Go", ctaUrl: "https://a.test/42" });
  });

  it("computes expiry and passes tooltip anchors through", async () => {
    const out = await render({
      kind: "tooltip",
      selector: "#save",
      pathPattern: "/app/*",
      expiresInHours: 2,
    });
    expect(out).toMatchObject({
      kind: "tooltip",
      selector: "#save",
      pathPattern: "/app/*",
      expiresAt: "2026-03-01T02:00:00.000Z",
    });
  });

  it("safeUrl accepts http(s) and same-site paths only", () => {
    expect(safeUrl("https://a.test")).toBe("https://a.test");
    expect(safeUrl("/x")).toBe("/x");
    for (const bad of [
      "//evil.test",
      "/\\evil.test",
      "data:text/html,x",
      "javascript:x",
      "ftp://a",
      "",
    ]) {
      expect(safeUrl(bad)).toBeUndefined();
    }
  });
});
