import "server-only";
import { randomBytes } from "node:crypto";
import { prisma } from "@/lib/db/client";

// Webhook steps' secret header values are write-only. A value typed into a
// secret header (`{ name, secret: true, value }`) is moved into
// journey_step_secrets when the draft is saved, and the draft keeps only
// `{ name, secret: true, secretId }`: no API answer, page or version ever
// holds the text again. The worker reads it, scoped by workspace, when it
// sends (lib/webhooks/deliver-step-webhooks.ts). Replacing a secret is
// typing a new value (the form's "Replace"), which stores a new row.

type Raw = Record<string, unknown>;

function isRecord(value: unknown): value is Raw {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** The definition with every new secret value stored and replaced by its id (input not modified). */
export async function storeStepSecrets(workspaceId: string, definition: unknown): Promise<unknown> {
  if (!isRecord(definition) || !Array.isArray(definition.nodes)) return definition;
  const toStore: { id: string; workspaceId: string; value: string }[] = [];
  // The editor autosaves while the value is still in its memory: the same
  // value saved again reuses its row rather than storing a copy.
  const typed = collectTyped(definition.nodes);
  const known = new Map<string, string>();
  if (typed.length > 0) {
    const rows = await prisma.journeyStepSecret.findMany({
      where: { workspaceId, value: { in: typed } },
      select: { id: true, value: true },
    });
    for (const row of rows) known.set(row.value, row.id);
  }
  const nodes = definition.nodes.map((node: unknown) => {
    if (!isRecord(node) || node.type !== "send_webhook" || !Array.isArray(node.headers))
      return node;
    const headers = node.headers.map((header: unknown) => {
      if (!isRecord(header) || header.secret !== true) return header;
      if (typeof header.value !== "string" || header.value === "") {
        const { value: _value, ...rest } = header;
        return header.secretId === undefined ? header : rest;
      }
      let id = known.get(header.value);
      if (id === undefined) {
        id = randomBytes(16).toString("hex");
        known.set(header.value, id);
        toStore.push({ id, workspaceId, value: header.value });
      }
      const { value: _value, ...rest } = header;
      return { ...rest, secretId: id };
    });
    return { ...node, headers };
  });
  if (typed.length === 0) return definition;
  if (toStore.length > 0) await prisma.journeyStepSecret.createMany({ data: toStore });
  return { ...definition, nodes };
}

function collectTyped(nodes: unknown[]): string[] {
  const values: string[] = [];
  for (const node of nodes) {
    if (!isRecord(node) || node.type !== "send_webhook" || !Array.isArray(node.headers)) continue;
    for (const header of node.headers) {
      if (
        isRecord(header) &&
        header.secret === true &&
        typeof header.value === "string" &&
        header.value !== ""
      )
        values.push(header.value);
    }
  }
  return values;
}
