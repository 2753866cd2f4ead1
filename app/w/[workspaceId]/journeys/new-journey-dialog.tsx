"use client";

import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ModalDialog } from "@/components/ui/modal-dialog";

const NAME_ID = "new-journey-name";

/** "New journey" asks for a name first (or offers a template instead). */
export function NewJourneyDialog({
  open,
  pending,
  error,
  onCreate,
  onTemplates,
  onClose,
}: {
  open: boolean;
  pending: boolean;
  error: string | null;
  onCreate: (name: string) => void;
  /** Close this and open the template gallery. */
  onTemplates: () => void;
  onClose: () => void;
}) {
  const [name, setName] = useState("");
  const [missing, setMissing] = useState(false);
  // The name field takes the focus once the dialog is shown (its effect runs first).
  useEffect(() => {
    if (open) document.getElementById(NAME_ID)?.focus();
  }, [open]);
  return (
    <ModalDialog open={open} onClose={onClose} title="New journey" className="max-w-md">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const trimmed = name.trim();
          setMissing(trimmed === "");
          if (trimmed) onCreate(trimmed);
        }}
        className="space-y-4"
      >
        <Field
          id={NAME_ID}
          label="Journey name"
          value={name}
          onChange={(event) => {
            setName(event.target.value);
            if (missing) setMissing(false);
          }}
          maxLength={120}
          required
          placeholder="e.g. Nudge stalled onboarding"
          error={missing ? "Give the journey a name." : undefined}
        />
        {error ? (
          <p role="alert" className="text-sm text-red-600">
            Could not create it: {error}
          </p>
        ) : null}
        <div className="flex items-center justify-between gap-2">
          <button
            type="button"
            onClick={onTemplates}
            className="text-sm font-medium text-brand-600 underline-offset-2 hover:underline"
          >
            Start from template
          </button>
          <div className="flex gap-2">
            <Button variant="secondary" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" disabled={pending}>
              {pending ? "Creating…" : "Create journey"}
            </Button>
          </div>
        </div>
      </form>
    </ModalDialog>
  );
}
