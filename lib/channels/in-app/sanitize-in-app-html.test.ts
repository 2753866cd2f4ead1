import { describe, expect, it } from "vitest";
import { safeInAppUrl, sanitizeInAppHtml } from "./sanitize-in-app-html";

describe("sanitizeInAppHtml", () => {
  it("keeps the Markdown subset and opens links safely", () => {
    const html =
      '<h3>Title</h3><p><strong>b</strong> <em>i</em> <code>c</code> <a href="https://x.test/a">l</a></p><ul><li>one</li></ul>';
    expect(sanitizeInAppHtml(html)).toBe(
      '<h3>Title</h3><p><strong>b</strong> <em>i</em> <code>c</code> <a href="https://x.test/a" target="_blank" rel="noopener noreferrer">l</a></p><ul><li>one</li></ul>',
    );
  });

  it.each([
    ['<img src="x" onerror="alert(1)">', ""],
    ["<script>alert(1)</script>ok", "ok"],
    ['<a href="javascript:alert(1)">x</a>', '<a target="_blank" rel="noopener noreferrer">x</a>'],
    ['<p style="position:fixed" onclick="x()">p</p>', "<p>p</p>"],
    ["<iframe src=https://x.test></iframe>", ""],
    [
      '<svg><a xlink:href="javascript:1">x</a></svg>',
      '<a target="_blank" rel="noopener noreferrer">x</a>',
    ],
  ])("strips %s", (input, output) => {
    expect(sanitizeInAppHtml(input)).toBe(output);
  });

  it("is idempotent", () => {
    const once = sanitizeInAppHtml('<p>a <a href="/x">b</a></p>');
    expect(sanitizeInAppHtml(once)).toBe(once);
  });
});

describe("safeInAppUrl", () => {
  it.each([
    ["https://x.test/a?b=1", "https://x.test/a?b=1"],
    ["http://x.test", "http://x.test/"],
    ["/settings/billing", "/settings/billing"],
    ["  /trim ", "/trim"],
    ["javascript:alert(1)", null],
    ["JAVASCRIPT:alert(1)", null],
    ["data:text/html,x", null],
    ["//evil.test/x", null],
    ["/\\evil.test", null],
    ["relative/path", null],
    ["", null],
    [undefined, null],
  ])("%s → %s", (input, output) => {
    expect(safeInAppUrl(input)).toBe(output);
  });
});
