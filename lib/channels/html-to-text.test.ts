import { describe, expect, it } from "vitest";
import { decodeEntities, htmlToText } from "./html-to-text";

describe("htmlToText", () => {
  it("turns blocks, lists and links into readable text", () => {
    const html =
      "<h1>Welcome</h1><p>Hi <strong>Ann</strong>,<br>thanks.</p><ul><li>One</li><li>Two</li></ul>" +
      '<p><a href="https://x.test/a?b=1&amp;c=2">Open</a> or <a href="https://x.test">https://x.test</a></p>';
    expect(htmlToText(html)).toBe(
      "Welcome\n\nHi Ann,\nthanks.\n\n- One\n- Two\n\nOpen (https://x.test/a?b=1&c=2) or https://x.test",
    );
  });

  it("drops styles, scripts and comments, and keeps escaped text as text", () => {
    expect(
      htmlToText(
        "<style>p{}</style><!-- c --><p>&lt;script&gt; &amp; {{ x }}</p><script>x()</script>",
      ),
    ).toBe("<script> & {{ x }}");
  });

  it("keeps a decoded '<' inside link text", () => {
    expect(htmlToText('<a href="https://x.test">a &lt;b&gt;</a>')).toBe("a <b> (https://x.test)");
  });

  it("decodes numeric and named entities", () => {
    expect(decodeEntities("&#39;&#x41;&hellip;&unknown;")).toBe("'A…&unknown;");
  });
});
