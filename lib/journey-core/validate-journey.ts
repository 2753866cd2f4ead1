// Validation for the builder (drafts: report everything, block nothing) and
// for publishing (any issue blocks). Schema errors are mapped to the node
// they are about, so the builder can put the message on that node.

import type { z } from "zod";
import { checkJourneyContent } from "./check-journey-content";
import { checkJourneyGraph, type JourneyIssue } from "./check-journey-graph";
import { type JourneyDefinition, journeyDefinitionSchema } from "./definition";
import { describeSchemaProblem } from "./describe-schema-issue";

export type { JourneyIssue } from "./check-journey-graph";

export type ValidationResult =
  | { ok: true; definition: JourneyDefinition }
  | { ok: false; errors: JourneyIssue[] };

type ZodIssue = z.core.$ZodIssue;
type PathKey = PropertyKey;
interface FlatIssue {
  path: PathKey[];
  code: string;
  message: string;
}

function codeOf(issue: ZodIssue): string {
  if (issue.code === "custom" && typeof issue.params?.code === "string") return issue.params.code;
  if (issue.code === "invalid_union" && issue.discriminator && issue.errors.length === 0) {
    return "unknown_variant";
  }
  return issue.code;
}

/** A union branch whose issues say "this input is not meant for me". */
function isWrongShape(branch: FlatIssue[]): boolean {
  return branch.some(
    (issue) =>
      (issue.code === "unrecognized_keys" && issue.path.length === 0) ||
      (issue.code === "unknown_variant" && issue.path.length === 1),
  );
}

// zod reports a failed union (condition | group, { all } | { any }) as every
// branch's errors. Keep the branch the input was evidently written for, so
// the message is "operator: invalid option", not a wall of alternatives.
function flattenIssues(issues: readonly ZodIssue[], base: PathKey[]): FlatIssue[] {
  return issues.flatMap((issue) => {
    const path = [...base, ...issue.path];
    if (issue.code === "invalid_union" && issue.errors.length > 0) {
      const branches = issue.errors.map((branch) => flattenIssues(branch, []));
      const chosen = branches.find((branch) => !isWrongShape(branch)) ?? branches[0];
      return chosen.map((inner) => ({ ...inner, path: [...path, ...inner.path] }));
    }
    return [{ path, code: codeOf(issue), message: issue.message }];
  });
}

function formatField(path: PathKey[]): string | null {
  let out = "";
  for (const key of path) {
    out += typeof key === "number" ? `[${key}]` : `${out ? "." : ""}${String(key)}`;
  }
  return out || null;
}

function nodeIdAt(input: unknown, index: number): string | null {
  if (input === null || typeof input !== "object") return null;
  const nodes = (input as { nodes?: unknown }).nodes;
  if (!Array.isArray(nodes)) return null;
  const node: unknown = nodes[index];
  if (node === null || typeof node !== "object") return null;
  const id = (node as { id?: unknown }).id;
  return typeof id === "string" ? id : null;
}

function toJourneyIssue(issue: FlatIssue, input: unknown): JourneyIssue {
  const humanMessage = describeSchemaProblem(issue, input);
  const [head, index, ...rest] = issue.path;
  if (head === "nodes" && typeof index === "number") {
    const nodeId = nodeIdAt(input, index);
    const field = nodeId ? formatField(rest) : formatField(issue.path);
    const where = nodeId ? `Node "${nodeId}"` : `nodes[${index}]`;
    const message = `${where}${field && nodeId ? ` ${field}` : ""}: ${issue.message}`;
    return { nodeId, field, code: issue.code, message, humanMessage };
  }
  const field = formatField(issue.path);
  return {
    nodeId: null,
    field,
    code: issue.code,
    message: `${field ?? "Journey"}: ${issue.message}`,
    humanMessage,
  };
}

/** Every issue in a draft, and the parsed definition when the schema accepts it. Never blocks. */
export function validateDraft(input: unknown): {
  definition: JourneyDefinition | null;
  issues: JourneyIssue[];
} {
  const parsed = journeyDefinitionSchema.safeParse(input);
  const schemaIssues = parsed.success
    ? []
    : flattenIssues(parsed.error.issues, []).map((issue) => toJourneyIssue(issue, input));
  return {
    definition: parsed.success ? parsed.data : null,
    issues: [
      ...schemaIssues,
      ...checkJourneyGraph(input),
      ...(parsed.success ? checkJourneyContent(parsed.data) : []),
    ],
  };
}

/** Publish-time validation: the definition only when there is no issue at all. */
export function validateJourney(input: unknown): ValidationResult {
  const { definition, issues } = validateDraft(input);
  return definition && issues.length === 0
    ? { ok: true, definition }
    : { ok: false, errors: issues };
}
