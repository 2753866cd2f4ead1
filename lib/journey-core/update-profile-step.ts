// The update-profile step (`update_profile`): set, increment or remove
// traits. The core computes the trait patch from the profile as of the step
// (an identify's traits: a key set to null is removed, profile-merge.ts),
// applies it to the profile the rest of the step sees, and emits it; the
// shell stores it as an identify through ingestion's own write
// (lib/engine/journey-profile-updates.ts), so the same merge applies and
// trait-change triggers of other journeys see it like any identify.

import { z } from "zod";

const traitKeySchema = z
  .string()
  .trim()
  .min(1, "Choose the trait to change")
  .max(200)
  .refine((key) => key !== "__proto__", { message: "Choose another trait name" });

const traitValueSchema = z.union([z.string().max(2000), z.number(), z.boolean()]);

export const traitOperationSchema = z.discriminatedUnion("op", [
  z.strictObject({ op: z.literal("set"), trait: traitKeySchema, value: traitValueSchema }),
  z.strictObject({
    op: z.literal("increment"),
    trait: traitKeySchema,
    by: z.number({ message: "Increase by a number" }).refine(Number.isFinite, {
      message: "Increase by a number",
    }),
  }),
  z.strictObject({ op: z.literal("remove"), trait: traitKeySchema }),
]);
export type TraitOperation = z.infer<typeof traitOperationSchema>;

export const updateProfileStepFields = {
  operations: z.array(traitOperationSchema).min(1).max(20),
};

export interface TraitChange {
  trait: string;
  op: TraitOperation["op"];
  before: unknown;
  /** null: removed. */
  after: unknown;
}

export interface TraitUpdate {
  /** identify traits: the new value of each changed key, null for a removed one. */
  patch: Record<string, unknown>;
  changes: TraitChange[];
  /** Operations that could not apply (increment of a trait that is not a number). */
  skipped: { trait: string; reason: string }[];
  traits: Record<string, unknown>;
}

function define(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** Applies the operations in order to `traits` (not modified). */
export function applyTraitOperations(
  traits: Readonly<Record<string, unknown>>,
  operations: readonly TraitOperation[],
): TraitUpdate {
  const next: Record<string, unknown> = { ...traits };
  const patch: Record<string, unknown> = {};
  const changes: TraitChange[] = [];
  const skipped: TraitUpdate["skipped"] = [];
  for (const operation of operations) {
    const key = operation.trait.trim();
    const before = Object.hasOwn(next, key) ? next[key] : undefined;
    let after: unknown;
    switch (operation.op) {
      case "set":
        after = operation.value;
        break;
      case "remove":
        after = null;
        break;
      case "increment": {
        const start = before === undefined || before === null ? 0 : before;
        if (typeof start !== "number") {
          skipped.push({
            trait: key,
            reason: `"${key}" is ${JSON.stringify(start)}, not a number: not increased`,
          });
          continue;
        }
        after = start + operation.by;
        break;
      }
    }
    if (after === null) delete next[key];
    else define(next, key, after);
    define(patch, key, after);
    changes.push({ trait: key, op: operation.op, before: before ?? null, after });
  }
  return { patch, changes, skipped, traits: next };
}

/** "set plan = "pro", nudges_sent + 1, remove trial" */
export function describeTraitOperations(operations: readonly unknown[]): string | null {
  const parts: string[] = [];
  for (const raw of operations) {
    const parsed = traitOperationSchema.safeParse(raw);
    if (!parsed.success) continue;
    const op = parsed.data;
    if (op.op === "set") parts.push(`${op.trait} = ${JSON.stringify(op.value)}`);
    else if (op.op === "increment")
      parts.push(`${op.trait} ${op.by < 0 ? "−" : "+"} ${Math.abs(op.by)}`);
    else parts.push(`remove ${op.trait}`);
  }
  return parts.length > 0 ? parts.join(", ") : null;
}
