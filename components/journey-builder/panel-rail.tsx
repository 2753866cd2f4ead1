"use client";

/**
 * The button that collapses a side panel to a thin rail, and expands it
 * again. `side` is where the panel sits, so the chevron points the way it moves.
 */
export function PanelToggle({
  label,
  collapsed,
  side,
  onToggle,
}: {
  /** The panel's name, e.g. "palette". */
  label: string;
  collapsed: boolean;
  side: "left" | "right";
  onToggle: (collapsed: boolean) => void;
}) {
  const pointsLeft = (side === "left") !== collapsed;
  const action = collapsed ? `Expand ${label}` : `Collapse ${label}`;
  return (
    <button
      type="button"
      aria-label={action}
      aria-expanded={!collapsed}
      title={action}
      onClick={() => onToggle(!collapsed)}
      className="flex h-7 w-7 shrink-0 items-center justify-center rounded text-slate-500 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-500"
    >
      <span aria-hidden="true">{pointsLeft ? "«" : "»"}</span>
    </button>
  );
}
