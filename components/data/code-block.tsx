import { CopyButton } from "./copy-button";

/** A snippet to copy: monospace, scrolls sideways, with a copy button. */
export function CodeBlock({
  code,
  label,
  copyLabel = "Copy",
  testId,
}: {
  code: string;
  /** Names the snippet for screen readers (and the copy button). */
  label: string;
  copyLabel?: string;
  testId?: string;
}) {
  return (
    <figure className="text-left">
      <pre
        role="region"
        aria-label={label}
        data-testid={testId}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: scrollable regions must be keyboard-reachable
        tabIndex={0}
        className="overflow-x-auto rounded-md bg-slate-950 p-3 font-mono text-xs leading-relaxed text-slate-100"
      >
        <code>{code}</code>
      </pre>
      <figcaption className="mt-2 flex justify-end">
        <CopyButton text={code} label={copyLabel} />
      </figcaption>
    </figure>
  );
}
