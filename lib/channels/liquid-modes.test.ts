import { describe, expect, it } from "vitest";
import { renderLiquidHtml, renderLiquidMarkdown, renderLiquidText } from "./liquid-modes";

const scope = {
  profile: {
    traits: { name: "Ann & <b>Co</b>", trick: "{{ profile.traits.secret }}", secret: "s3cret" },
  },
};

describe("text mode", () => {
  it("inserts values verbatim and never re-parses them", async () => {
    expect(await renderLiquidText("Hi {{ profile.traits.name }}", scope)).toBe(
      "Hi Ann & <b>Co</b>",
    );
    expect(await renderLiquidText("{{ profile.traits.trick }}", scope)).toBe(
      "{{ profile.traits.secret }}",
    );
  });

  it("renders missing variables empty and honours default", async () => {
    expect(await renderLiquidText("[{{ profile.traits.nope }}]", scope)).toBe("[]");
    expect(await renderLiquidText("{{ profile.traits.nope | default: 'friend' }}", scope)).toBe(
      "friend",
    );
  });
});

describe("markdown mode", () => {
  const identity = (md: string) => md;

  it("keeps values out of the Markdown and puts them back HTML-escaped", async () => {
    let seen = "";
    const out = await renderLiquidMarkdown(
      "**{{ v }}**",
      { v: "[x](javascript:alert(1)) <i>" },
      (md) => {
        seen = md;
        return md.replace(/\*\*(.*)\*\*/, "<strong>$1</strong>");
      },
    );
    expect(seen).toMatch(/^\*\*CUEV[0-9a-f]+N0Q\*\*$/);
    expect(out).toBe("<strong>[x](javascript:alert(1)) &lt;i&gt;</strong>");
  });

  it("stringifies nil and arrays like liquid", async () => {
    expect(
      await renderLiquidMarkdown("[{{ a }}|{{ b }}]", { a: null, b: ["x", "y"] }, identity),
    ).toBe("[|xy]");
  });

  it("lets | raw through as Markdown (the author's explicit choice)", async () => {
    let seen = "";
    await renderLiquidMarkdown("{{ v | raw }}", { v: "**b**" }, (md) => {
      seen = md;
      return md;
    });
    expect(seen).toBe("**b**");
  });
});

describe("file access", () => {
  it("has no file system for include or render", async () => {
    for (const source of ["{% include 'package.json' %}", "{% render 'package.json' %}"]) {
      await expect(renderLiquidText(source, {})).rejects.toThrow();
      await expect(renderLiquidHtml(source, {})).rejects.toThrow();
    }
  });
});
