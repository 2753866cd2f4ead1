"use client";

import { CopyButton } from "@/components/data/copy-button";
import { Button } from "@/components/ui/button";

/**
 * A secret Cue does not keep (it stores only its hash): shown once, right
 * after it was made, with a copy button and a plain warning.
 */
export function SecretShownOnce({
  title,
  secret,
  onDismiss,
}: {
  title: string;
  secret: string;
  onDismiss?: () => void;
}) {
  return (
    <div
      role="status"
      data-testid="secret-shown-once"
      className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900"
    >
      <p className="font-medium">{title}</p>
      <p className="mt-1">
        Copy it now and keep it somewhere safe: you won’t see it again. Cue stores only its hash; if
        it is lost, rotate it for a new one.
      </p>
      <div className="mt-2 flex items-center gap-2">
        <code className="block flex-1 break-all rounded bg-white px-2 py-1 font-mono text-xs">
          {secret}
        </code>
        <CopyButton text={secret} label="Copy key" />
        {onDismiss ? (
          <Button variant="secondary" className="px-2 py-1 text-xs" onClick={onDismiss}>
            I saved it
          </Button>
        ) : null}
      </div>
    </div>
  );
}
