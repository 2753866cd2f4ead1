import { type MessageContent, messageContentSchema } from "@/lib/channels/message-content";
import { ApiClientError } from "@/lib/query/fetch-json";

/** One problem with a field of the content, keyed like `email.body` or `inApp.title`. */
export interface FieldIssue {
  message: string;
  line?: number;
  column?: number;
}
export type FieldIssues = Record<string, FieldIssue>;

/** Problems the browser can find on its own, with the server's own zod schema. */
export function localIssues(content: MessageContent): FieldIssues {
  const parsed = messageContentSchema.safeParse(content);
  if (parsed.success) return {};
  const issues: FieldIssues = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path.map(String).join(".");
    issues[field] ??= { message: issue.message };
  }
  return issues;
}

/**
 * The API's 422 details (`{ issues: [{ field: "content.email.body", line, column, message }] }`),
 * keyed by the field inside the content. Fields outside the content keep their name.
 */
export function apiIssues(error: unknown): FieldIssues {
  if (!(error instanceof ApiClientError)) return {};
  const list = (error.details as { issues?: unknown } | undefined)?.issues;
  if (!Array.isArray(list)) return {};
  const issues: FieldIssues = {};
  for (const raw of list as {
    field?: string;
    message?: string;
    line?: number;
    column?: number;
  }[]) {
    if (!raw.field || !raw.message) continue;
    const field = raw.field.replace(/^content\./, "");
    issues[field] ??= { message: raw.message, line: raw.line, column: raw.column };
  }
  return issues;
}

export function issueText(issue: FieldIssue): string {
  return issue.line
    ? `Line ${issue.line}, column ${issue.column}: ${issue.message}`
    : issue.message;
}
