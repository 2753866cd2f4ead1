// Whole-graph rules a per-node schema cannot express. They run on the raw
// document, read leniently, so a draft with a broken node still gets its
// wiring checked: the builder shows every problem at once, not one per save.

import type { NodeType } from "./definition";
import { capitalize, exitName, stepRef } from "./describe-step";
import { BLOCKING_TYPES, DEFAULT_EXIT, EXITS_BY_TYPE } from "./journey-graph";

export interface JourneyIssue {
  /** The node the problem is about; null for document-level problems. */
  nodeId: string | null;
  /** Dotted path inside the node (or document) when one field is at fault. */
  field: string | null;
  code: string;
  /** For developers: names nodes by id and fields by path. Stable wording is not promised. */
  message: string;
  /** For the builder: names the step by its label (or what it does) and says what to do. */
  humanMessage: string;
}

interface GraphNode {
  id: string;
  /** The node as stored, for its label and description. */
  raw: unknown;
  type: string;
  /** null when the type is unknown (the schema reports that). */
  exits: string[] | null;
}

interface GraphEdge {
  index: number;
  from: string;
  to: string;
  exit: string;
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

function isNodeType(type: string): type is NodeType {
  return Object.hasOwn(EXITS_BY_TYPE, type);
}

function readNode(raw: unknown): GraphNode | null {
  const node = asRecord(raw);
  if (!node || typeof node.id !== "string" || typeof node.type !== "string") return null;
  const { id, type } = node;
  if (!isNodeType(type)) return { id, raw, type, exits: null };
  const exits = EXITS_BY_TYPE[type];
  if (exits !== "variant_keys") return { id, raw, type, exits: [...exits] };
  const variants = Array.isArray(node.variants) ? node.variants : [];
  const keys = variants.map((v) => asRecord(v)?.key).filter((k) => typeof k === "string");
  return { id, raw, type, exits: keys };
}

function readEdges(raw: unknown): GraphEdge[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((value, index) => {
    const edge = asRecord(value);
    if (!edge || typeof edge.from !== "string" || typeof edge.to !== "string") return [];
    const exit = typeof edge.exit === "string" ? edge.exit : DEFAULT_EXIT;
    return [{ index, from: edge.from, to: edge.to, exit }];
  });
}

/** Strongly connected components with a cycle (Tarjan), over the given adjacency. */
function findCycles(ids: string[], adjacency: Map<string, string[]>): string[][] {
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (id: string) => {
    order.set(id, order.size);
    low.set(id, order.get(id)!);
    stack.push(id);
    onStack.add(id);
    for (const next of adjacency.get(id) ?? []) {
      if (!order.has(next)) {
        visit(next);
        low.set(id, Math.min(low.get(id)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(id, Math.min(low.get(id)!, order.get(next)!));
      }
    }
    if (low.get(id) !== order.get(id)) return;
    const component: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== id);
    const selfLoop = (adjacency.get(id) ?? []).includes(id);
    if (component.length > 1 || selfLoop) cycles.push(component);
  };
  for (const id of ids) if (!order.has(id)) visit(id);
  return cycles;
}

export function checkJourneyGraph(input: unknown): JourneyIssue[] {
  const doc = asRecord(input);
  const rawNodes = Array.isArray(doc?.nodes) ? doc.nodes : [];
  const nodes = rawNodes.map(readNode).filter((n): n is GraphNode => n !== null);
  const edges = readEdges(doc?.edges);
  const issues: JourneyIssue[] = [];
  const issue = (
    nodeId: string | null,
    field: string | null,
    code: string,
    message: string,
    humanMessage: string,
  ) => issues.push({ nodeId, field, code, message, humanMessage });
  const ref = (node: GraphNode) => stepRef(node.raw, rawNodes);

  const byId = new Map<string, GraphNode>();
  for (const node of nodes) {
    if (byId.has(node.id)) {
      const human = `Two steps share one internal id: delete ${ref(node)} and add it again`;
      issue(node.id, "id", "duplicate_node_id", `Node id "${node.id}" is used twice`, human);
    } else byId.set(node.id, node);
  }

  const triggers = nodes.filter((n) => n.type === "trigger");
  if (triggers.length === 0) {
    const human = "Add a trigger: it decides who enters this journey";
    issue(null, null, "missing_trigger", "The journey has no entry trigger", human);
  }
  for (const extra of triggers.slice(1)) {
    const message = `Node "${extra.id}" is a second entry trigger; a journey has exactly one`;
    const human = `A journey has one trigger: delete ${ref(extra)}`;
    issue(extra.id, null, "multiple_triggers", message, human);
  }

  const wired = new Map<string, number>();
  const adjacency = new Map<string, string[]>();
  for (const edge of edges) {
    const field = `edges[${edge.index}]`;
    const from = byId.get(edge.from);
    const to = byId.get(edge.to);
    if (!from) {
      const message = `Edge ${edge.index} starts at unknown node "${edge.from}"`;
      const human = to
        ? `A connection into ${ref(to)} comes from a step that no longer exists: reconnect it`
        : "A connection comes from a step that no longer exists: remove it";
      issue(to?.id ?? null, `${field}.from`, "unknown_edge_source", message, human);
    }
    if (!to) {
      const message = `Node "${edge.from}" exit "${edge.exit}" leads to unknown node "${edge.to}"`;
      const human = from
        ? `${capitalize(exitPhrase(from, edge.exit))} leads to a step that no longer exists: connect it again`
        : "A connection leads to a step that no longer exists: remove it";
      issue(from?.id ?? null, `${field}.to`, "unknown_edge_target", message, human);
    }
    if (to?.type === "trigger") {
      const message = `Nothing may lead back into trigger "${to.id}"`;
      const human = `Nothing can lead back into the trigger: remove the connection into ${ref(to)}`;
      issue(to.id, `${field}.to`, "edge_into_trigger", message, human);
    }
    if (!from || !to) continue;
    if (from.exits && !from.exits.includes(edge.exit)) {
      const known = from.exits.length > 0 ? from.exits.join(", ") : "none";
      const message = `Node "${from.id}" (${from.type}) has no exit "${edge.exit}" (exits: ${known})`;
      const human = `${capitalize(ref(from))} has no '${exitName(from.raw, edge.exit)}' exit: remove that connection`;
      issue(from.id, `${field}.exit`, "unknown_exit", message, human);
      continue;
    }
    const key = `${from.id}\u0000${edge.exit}`;
    wired.set(key, (wired.get(key) ?? 0) + 1);
    adjacency.set(from.id, [...(adjacency.get(from.id) ?? []), to.id]);
  }

  /** "the 'Timed out' exit of 'Wait for X'", or just the step for a single-exit node. */
  function exitPhrase(node: GraphNode, exit: string): string {
    const name = exitName(node.raw, exit);
    return name ? `the '${name}' exit of ${ref(node)}` : ref(node);
  }

  for (const node of byId.values()) {
    for (const exit of node.exits ?? []) {
      const count = wired.get(`${node.id}\u0000${exit}`) ?? 0;
      if (count === 0) {
        const message = `Node "${node.id}" (${node.type}) exit "${exit}" is not connected`;
        const human = exitName(node.raw, exit)
          ? `Connect ${exitPhrase(node, exit)} to a next step`
          : `Connect ${ref(node)} to a next step`;
        issue(node.id, null, "dangling_exit", message, human);
      } else if (count > 1) {
        const message = `Node "${node.id}" (${node.type}) exit "${exit}" is connected ${count} times`;
        const human = `${capitalize(exitPhrase(node, exit))} leads to ${count} steps: keep one connection`;
        issue(node.id, null, "duplicate_exit", message, human);
      }
    }
  }

  if (triggers.length > 0) {
    const reached = new Set(triggers.map((t) => t.id));
    const queue = [...reached];
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      for (const next of adjacency.get(id) ?? []) {
        if (reached.has(next)) continue;
        reached.add(next);
        queue.push(next);
      }
    }
    for (const node of byId.values()) {
      if (!reached.has(node.id)) {
        const message = `Node "${node.id}" (${node.type}) cannot be reached from the trigger`;
        const human = `Nothing leads to ${ref(node)}: connect a step to it, or delete it`;
        issue(node.id, null, "unreachable_node", message, human);
      }
    }
  }

  // A cycle through a delay or wait is a legitimate loop ("remind weekly");
  // one without can spin without time passing, so drop those nodes and look.
  const isBlocking = (id: string) => {
    const type = byId.get(id)?.type ?? "";
    return isNodeType(type) && BLOCKING_TYPES.has(type);
  };
  const instantIds = [...byId.keys()].filter((id) => !isBlocking(id));
  const instant = new Map(
    instantIds.map((id) => [id, (adjacency.get(id) ?? []).filter((to) => !isBlocking(to))]),
  );
  for (const cycle of findCycles(instantIds, instant)) {
    const ordered = instantIds.filter((id) => cycle.includes(id));
    const message = `Nodes ${ordered.map((id) => `"${id}"`).join(", ")} form a loop with no delay or wait`;
    const names = ordered.map((id) => ref(byId.get(id)!));
    const list =
      names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names.at(-1)}` : names[0];
    const human =
      names.length > 1
        ? `${capitalize(list)} go round in a loop with no pause: add a delay or a wait to the loop`
        : `${capitalize(list)} leads back to itself with no pause: add a delay or a wait in between`;
    issue(ordered[0], null, "cycle_without_wait", message, human);
  }
  return issues;
}
