import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/errors";
import { assertContentValid, contentIssues } from "./check-content";

describe("contentIssues", () => {
  it("names the field, line and column of a syntax error", () => {
    const issues = contentIssues({
      channel: "email",
      email: {
        subject: "Hi",
        preheader: "",
        body: "Line one\nLine two {{ profile.traits.name | nope }}\n{% if x %}never closed",
        bodyFormat: "markdown",
        transactional: false,
      },
    });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ field: "content.email.body", line: 2 });
    expect(issues[0]?.column).toBeGreaterThan(1);
  });

  it("checks every in-app field", () => {
    const issues = contentIssues({
      channel: "in_app",
      inApp: {
        kind: "card",
        title: "{{ oops",
        body: "fine",
        ctaLabel: "Go",
        ctaUrl: "/x/{% if %}",
      },
    });
    expect(issues.map((i) => i.field)).toEqual(["content.inApp.title", "content.inApp.ctaUrl"]);
  });

  it("refuses tags that would read files", () => {
    const issues = contentIssues({
      channel: "in_app",
      inApp: { kind: "card", title: "ok", body: "Line\n  {% include '.env' %}" },
    });
    expect(issues).toEqual([
      {
        field: "content.inApp.body",
        line: 2,
        column: 3,
        message: "The include tag is not available in messages.",
      },
    ]);
  });

  it("refuses content with errors as a 422 listing the issues", () => {
    let thrown: unknown;
    try {
      assertContentValid({
        channel: "in_app",
        inApp: { kind: "card", title: "{% if %}", body: "" },
      });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ApiError);
    expect(thrown).toMatchObject({ code: "validation_failed", status: 422 });
    expect((thrown as ApiError).message).toMatch(/^content\.inApp\.title line 1, column \d+: /);
  });
});
