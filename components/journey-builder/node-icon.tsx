import { assertNever } from "@/lib/journey-core/assert-never";
import type { NodeType } from "@/lib/journey-core/definition";

/** Small inline icons (no icon library): one glyph and colour per node type. */
export const NODE_TONE: Record<NodeType, string> = {
  trigger: "bg-emerald-100 text-emerald-800",
  filter: "bg-amber-100 text-amber-800",
  branch: "bg-amber-100 text-amber-800",
  delay: "bg-sky-100 text-sky-800",
  wait: "bg-sky-100 text-sky-800",
  split: "bg-violet-100 text-violet-800",
  send_email: "bg-brand-100 text-brand-700",
  send_inapp: "bg-brand-100 text-brand-700",
  exit: "bg-slate-200 text-slate-700",
  send_webhook: "bg-teal-100 text-teal-800",
  update_profile: "bg-lime-100 text-lime-800",
};

function path(type: NodeType): string {
  switch (type) {
    case "trigger":
      return "M13 2 4 14h7l-1 8 9-12h-7l1-8Z";
    case "filter":
      return "M3 4h18l-7 9v6l-4 2v-8L3 4Z";
    case "branch":
      return "M6 3v6a4 4 0 0 0 4 4h4a4 4 0 0 1 4 4v4M6 21V9";
    case "delay":
      return "M12 7v5l3 2M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18Z";
    case "wait":
      return "M7 3h10M7 21h10M8 3c0 5 8 5 8 9s-8 4-8 9M16 3c0 5-8 5-8 9";
    case "split":
      return "M12 21v-7M12 14 5 5M12 14l7-9M5 5v4M5 5h4M19 5v4M19 5h-4";
    case "send_email":
      return "M3 6h18v12H3zM3 6l9 7 9-7";
    case "send_inapp":
      return "M4 4h16v12H8l-4 4V4Z";
    case "exit":
      return "M9 4H5v16h4M15 8l4 4-4 4M19 12H9";
    case "send_webhook":
      return "M10 14a4 4 0 0 0 6 0l3-3a4 4 0 0 0-6-6l-1 1M14 10a4 4 0 0 0-6 0l-3 3a4 4 0 0 0 6 6l1-1";
    case "update_profile":
      return "M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8ZM4 21a8 8 0 0 1 12-7M18 15v6M15 18h6";
    default:
      return assertNever(type);
  }
}

export function NodeIcon({ type, className = "" }: { type: NodeType; className?: string }) {
  return (
    <span
      aria-hidden="true"
      className={`inline-flex size-6 shrink-0 items-center justify-center rounded ${NODE_TONE[type]} ${className}`}
    >
      <svg
        aria-hidden="true"
        viewBox="0 0 24 24"
        className="size-4"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        <path d={path(type)} />
      </svg>
    </span>
  );
}
