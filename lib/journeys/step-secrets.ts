import "server-only";
import { randomBytes } from "node:crypto";
import { prisma } from "@/lib/db/client";

// Webhook steps' secret header values are write-only. A value typed into a
// secret header (`{ name, secret: true, value }`) is moved into
// journey_step_secrets when the draft is saved, and the draft keeps only
// `{ name, secret: true, secretId }`: no API answer, page or version ever
// holds the text again. The worker reads it, scoped by workspace, when it
// sends (lib/webhooks/deliver-step-webhooks.ts). Replacing a secret is
// typing a new value (the form's "Replace"), which stores a new row; the old
// row stays, since published versions (and runs on them) may still use it.
//
// The builder autosaves every few seconds while a typed value is still in
// its memory, so most saves carry a value that is already stored. A row is
// written only when the secret changed: a typed value equal to what the
// stored draft's same header (same step, same header name) already holds
// keeps that secretId and writes nothing. The comparison reads only the
// secrets the journey's own draft references, never the workspace's.

type Raw = Record<string, unknown>;

function isRecord(value: unknown): value is Raw {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

interface TypedHeader {
  slot: string;
  value: string;
}

/** `node id \n header name (lowercase)`: what identifies "the same secret" across saves. */
const slotOf = (node: Raw, header: Raw) =>
  `${String(node.id)}\n${String(header.name).toLowerCase()}`;

function webhookHeaders(definition: unknown): { node: Raw; header: Raw }[] {
  if (!isRecord(definition) || !Array.isArray(definition.nodes)) return [];
  const found: { node: Raw; header: Raw }[] = [];
  for (const node of definition.nodes) {
    if (!isRecord(node) || node.type !== "send_webhook" || !Array.isArray(node.headers)) continue;
    for (const header of node.headers) {
      if (isRecord(header) && header.secret === true) found.push({ node, header });
    }
  }
  return found;
}

function typedSecrets(definition: unknown): TypedHeader[] {
  return webhookHeaders(definition).flatMap(({ node, header }) =>
    typeof header.value === "string" && header.value !== ""
      ? [{ slot: slotOf(node, header), value: header.value }]
      : [],
  );
}

/** The secretId each slot of a stored draft references. */
function storedSlots(draft: unknown): Map<string, string> {
  const slots = new Map<string, string>();
  for (const { node, header } of webhookHeaders(draft)) {
    if (typeof header.secretId === "string") slots.set(slotOf(node, header), header.secretId);
  }
  return slots;
}

/**
 * The definition with every typed secret value replaced by its id (input
 * not modified). `storedDraft` is the draft being replaced (none for a new
 * journey): a value equal to its same header's secret reuses that row.
 */
export async function storeStepSecrets(
  workspaceId: string,
  definition: unknown,
  storedDraft: unknown = null,
): Promise<unknown> {
  if (!isRecord(definition) || !Array.isArray(definition.nodes)) return definition;
  const typed = typedSecrets(definition);
  const reuse = await unchangedSecrets(workspaceId, typed, storedSlots(storedDraft));
  const toStore: { id: string; workspaceId: string; value: string }[] = [];
  // Two headers typed with the same new value in one save share one row.
  const fresh = new Map<string, string>();
  const nodes = definition.nodes.map((node: unknown) => {
    if (!isRecord(node) || node.type !== "send_webhook" || !Array.isArray(node.headers))
      return node;
    const headers = node.headers.map((header: unknown) => {
      if (!isRecord(header) || header.secret !== true) return header;
      if (typeof header.value !== "string" || header.value === "") {
        const { value: _value, ...rest } = header;
        return header.secretId === undefined ? header : rest;
      }
      let id = reuse.get(slotOf(node, header)) ?? fresh.get(header.value);
      if (id === undefined) {
        id = randomBytes(16).toString("hex");
        fresh.set(header.value, id);
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

/** Slot → secretId for the typed values that equal what the stored draft's same slot holds. */
async function unchangedSecrets(
  workspaceId: string,
  typed: readonly TypedHeader[],
  stored: ReadonlyMap<string, string>,
): Promise<Map<string, string>> {
  const candidates = typed.filter((t) => stored.has(t.slot));
  if (candidates.length === 0) return new Map();
  const rows = await prisma.journeyStepSecret.findMany({
    where: { workspaceId, id: { in: candidates.map((t) => stored.get(t.slot) as string) } },
    select: { id: true, value: true },
  });
  const storedValue = new Map(rows.map((r) => [r.id, r.value]));
  const reuse = new Map<string, string>();
  for (const t of candidates) {
    const id = stored.get(t.slot) as string;
    if (storedValue.get(id) === t.value) reuse.set(t.slot, id);
  }
  return reuse;
}

/** Whether a definition carries any typed secret value (so saving it needs the stored draft). */
export function hasTypedSecrets(definition: unknown): boolean {
  return typedSecrets(definition).length > 0;
}
