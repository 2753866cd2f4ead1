import { nodeTypeName } from "@/lib/journey-core/describe-definition-diff";
import type {
  DefinitionDiff,
  EdgeRef,
  FieldChange,
  NodeRef,
} from "@/lib/journey-core/diff-definitions";

// A definition diff for people: the summary lines first, then what was
// added, removed and changed, grouped, with before → after for each field.

const MAX_VALUE = 80;

export function DefinitionDiffView({ diff }: { diff: DefinitionDiff }) {
  const { nodes, edges, settings, summary } = diff;
  if (summary.length === 0) {
    return <p className="text-sm text-slate-600">No changes: the two are the same journey.</p>;
  }
  return (
    <div className="space-y-4 text-sm">
      <ul className="list-disc space-y-1 pl-5 text-slate-800" aria-label="Summary of changes">
        {summary.map((line, i) => (
          // Lines can repeat (two identical edges changed); the index keeps keys unique.
          // biome-ignore lint/suspicious/noArrayIndexKey: summary lines have no identity of their own
          <li key={i}>{line}</li>
        ))}
      </ul>
      <NodeGroup title="Added steps" tone="text-emerald-800" nodes={nodes.added} />
      <NodeGroup title="Removed steps" tone="text-red-800" nodes={nodes.removed} />
      {nodes.changed.length > 0 ? (
        <section>
          <h4 className="mb-1 text-xs font-semibold text-slate-500 uppercase">Changed steps</h4>
          <ul className="space-y-2">
            {nodes.changed.map((node) => (
              <li key={node.id}>
                <p className="font-medium">{nodeName(node)}</p>
                <FieldList fields={node.fields} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {edges.added.length + edges.removed.length > 0 ? (
        <section>
          <h4 className="mb-1 text-xs font-semibold text-slate-500 uppercase">Connections</h4>
          <ul className="space-y-0.5 font-mono text-xs">
            {edges.added.map((edge) => (
              <li key={`+${edgeText(edge)}`} className="text-emerald-800">
                + {edgeText(edge)}
              </li>
            ))}
            {edges.removed.map((edge) => (
              <li key={`-${edgeText(edge)}`} className="text-red-800">
                − {edgeText(edge)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {settings.length > 0 ? (
        <section>
          <h4 className="mb-1 text-xs font-semibold text-slate-500 uppercase">Settings</h4>
          <FieldList fields={settings} />
        </section>
      ) : null}
    </div>
  );
}

function NodeGroup({ title, tone, nodes }: { title: string; tone: string; nodes: NodeRef[] }) {
  if (nodes.length === 0) return null;
  return (
    <section>
      <h4 className="mb-1 text-xs font-semibold text-slate-500 uppercase">{title}</h4>
      <ul className={`space-y-0.5 ${tone}`}>
        {nodes.map((node) => (
          <li key={`${node.type}:${node.id}`}>{nodeName(node)}</li>
        ))}
      </ul>
    </section>
  );
}

function FieldList({ fields }: { fields: FieldChange[] }) {
  return (
    <dl className="mt-1 space-y-1 border-l-2 border-slate-200 pl-3">
      {fields.map((field) => (
        <div key={field.path}>
          <dt className="font-mono text-xs text-slate-500">{field.path}</dt>
          <dd className="text-xs">
            <span className="text-red-800 line-through decoration-red-300">
              {showValue(field.before)}
            </span>{" "}
            → <span className="text-emerald-800">{showValue(field.after)}</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}

function nodeName(node: NodeRef): string {
  const type = nodeTypeName(node.type);
  return `${type.charAt(0).toUpperCase()}${type.slice(1)} “${node.label}”`;
}

function edgeText(edge: EdgeRef): string {
  const exit = edge.exit === "next" ? "" : ` [${edge.exit}]`;
  return `${edge.from}${exit} → ${edge.to}`;
}

function showValue(value: unknown): string {
  if (value === undefined) return "(none)";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}
