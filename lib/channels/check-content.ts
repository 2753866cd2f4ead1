import { ApiError } from "@/lib/api/errors";
import { checkTemplates, type TemplateIssue } from "@/lib/templates/render-liquid";
import type { MessageContent } from "./message-content";

export type { TemplateIssue };

/**
 * Liquid syntax errors of every templated field, named by their path in the
 * request (`content.email.body`) with line and column.
 */
export function contentIssues(content: MessageContent, prefix = "content"): TemplateIssue[] {
  return fields(content, prefix).flatMap(([field, source]) => {
    if (!source) return [];
    const parse = checkTemplates({ [field]: source });
    return parse.length > 0 ? parse : fileTagIssues(source, field);
  });
}

function fields(content: MessageContent, prefix: string): [string, string | undefined][] {
  switch (content.channel) {
    case "email": {
      const { subject, preheader, body } = content.email;
      return [
        [`${prefix}.email.subject`, subject],
        [`${prefix}.email.preheader`, preheader],
        [`${prefix}.email.body`, body],
      ];
    }
    case "in_app": {
      const { title, body, imageUrl, ctaLabel, ctaUrl } = content.inApp;
      return [
        [`${prefix}.inApp.title`, title],
        [`${prefix}.inApp.body`, body],
        [`${prefix}.inApp.imageUrl`, imageUrl],
        [`${prefix}.inApp.ctaLabel`, ctaLabel],
        [`${prefix}.inApp.ctaUrl`, ctaUrl],
      ];
    }
    default: {
      const unknown: never = content;
      throw new Error(`Unknown channel: ${JSON.stringify(unknown)}`);
    }
  }
}

// Messages have no partials: these tags would read files, and the message
// engines have no file system, so they could only ever fail at send time.
const FILE_TAG = /\{%-?\s*(include|render|layout)\b/g;

function fileTagIssues(source: string, field: string): TemplateIssue[] {
  return [...source.matchAll(FILE_TAG)].map((match) => {
    const before = source.slice(0, match.index);
    const line = before.split("\n").length;
    const column = match.index - before.lastIndexOf("\n");
    return { field, line, column, message: `The ${match[1]} tag is not available in messages.` };
  });
}

export function templateError(issues: TemplateIssue[]): ApiError {
  const first = issues[0];
  const message = first
    ? `${first.field} line ${first.line}, column ${first.column}: ${first.message}`
    : "The template has errors.";
  return new ApiError("validation_failed", message, { details: { issues } });
}

/** A message whose templates do not parse is refused before anything is stored. */
export function assertContentValid(content: MessageContent, prefix = "content"): void {
  const issues = contentIssues(content, prefix);
  if (issues.length > 0) throw templateError(issues);
}

/** A Liquid error raised while rendering (not parsing), attributed to its field. */
export function renderIssue(error: unknown, field: string): TemplateIssue {
  const token = (error as { token?: { getPosition?: () => [number, number] } }).token;
  const [line, column] = token?.getPosition?.() ?? [1, 1];
  const raw = error instanceof Error ? error.message : String(error);
  return { field, line, column, message: raw.replace(/,\s*line:\d+,\s*col:\d+$/, "") };
}
