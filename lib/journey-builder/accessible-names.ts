// What a screen reader announces for the canvas: each node by its label (or
// what it does) and kind, each connection by the steps it joins and the exit
// it leaves by. React Flow would otherwise announce an unnamed group, and
// edges as "Edge from inapp-1 to exit-2", with internal ids.

import type { JourneyNode } from "@/lib/journey-core/definition";
import { describeNode } from "./describe-node";
import { NODE_TYPE_LABEL } from "./new-node";
import { exitsForNode } from "./node-exits";

/** What the node is called: its label, else the summary it shows on the canvas. */
function stepName(node: JourneyNode): string {
  const label = typeof node.label === "string" ? node.label.trim() : "";
  return label || describeNode(node);
}

/** "Send email “Welcome”: Subject …" or, unlabelled, "Wait: Wait for Report Created, up to 1 day". */
export function nodeAccessibleName(node: JourneyNode): string {
  const kind = NODE_TYPE_LABEL[node.type] ?? node.type;
  const label = typeof node.label === "string" ? node.label.trim() : "";
  return label ? `${kind} “${label}”: ${describeNode(node)}` : `${kind}: ${describeNode(node)}`;
}

/** "From “Wait for Report Created”, exit Timed out, to “Nudge”". */
export function edgeAccessibleName(
  source: JourneyNode | undefined,
  exit: string | null | undefined,
  target: JourneyNode | undefined,
): string {
  const from = source ? `“${stepName(source)}”` : "a missing step";
  const to = target ? `“${stepName(target)}”` : "a missing step";
  const exitLabel = source && exit ? exitsForNode(source).find((e) => e.id === exit)?.label : "";
  return `From ${from}${exitLabel ? `, exit ${exitLabel},` : ""} to ${to}`;
}
