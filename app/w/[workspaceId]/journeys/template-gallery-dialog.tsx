"use client";

import { ModalDialog } from "@/components/ui/modal-dialog";
import { useJourneyTemplatesQuery } from "./use-journey-templates-query";

/** The five shipped journeys; choosing one creates a draft from it. */
export function TemplateGalleryDialog({
  workspaceId,
  open,
  pendingSlug,
  error,
  onChoose,
  onClose,
}: {
  workspaceId: string;
  open: boolean;
  pendingSlug: string | null;
  error: string | null;
  onChoose: (slug: string) => void;
  onClose: () => void;
}) {
  const templates = useJourneyTemplatesQuery(workspaceId, open);
  return (
    <ModalDialog
      open={open}
      onClose={onClose}
      title="Start from a template"
      description="Each template is a complete journey with example copy and a goal. It opens as a draft: nothing is sent until you publish."
      className="max-w-2xl"
    >
      {templates.isPending ? <p className="text-sm text-slate-600">Loading templates…</p> : null}
      {templates.error ? (
        <p role="alert" className="text-sm text-red-600">
          Could not load the templates: {templates.error.message}
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="mb-3 text-sm text-red-600">
          Could not create the journey: {error}
        </p>
      ) : null}
      <ul className="grid gap-3 sm:grid-cols-2">
        {templates.data?.map((template) => (
          <li key={template.slug}>
            <button
              type="button"
              onClick={() => onChoose(template.slug)}
              disabled={pendingSlug !== null}
              aria-describedby={`template-${template.slug}`}
              className="flex h-full w-full flex-col items-start justify-start rounded-lg border border-slate-200 p-4 text-left hover:border-brand-500 hover:bg-brand-50 disabled:cursor-wait disabled:opacity-60"
            >
              <span className="block font-medium text-slate-900">
                {template.name}
                {pendingSlug === template.slug ? " · creating…" : ""}
              </span>
              <span id={`template-${template.slug}`} className="mt-1 block text-sm text-slate-600">
                {template.description}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </ModalDialog>
  );
}
