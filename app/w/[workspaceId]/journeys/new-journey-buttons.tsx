"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { blankJourneyDefinition } from "@/lib/journey-core/blank-journey";
import { NewJourneyDialog } from "./new-journey-dialog";
import { TemplateGalleryDialog } from "./template-gallery-dialog";
import { useCreateJourneyMutation } from "./use-create-journey-mutation";

/**
 * "New journey" (a blank draft, named first) and "Start from template"; both
 * open the new draft in the editor.
 */
export function NewJourneyButtons({ workspaceId }: { workspaceId: string }) {
  const router = useRouter();
  const create = useCreateJourneyMutation(workspaceId);
  const [galleryOpen, setGalleryOpen] = useState(false);
  const [nameOpen, setNameOpen] = useState(false);
  const [pendingSlug, setPendingSlug] = useState<string | null>(null);
  const open = (id: string) => router.push(`/w/${workspaceId}/journeys/${id}`);

  const createBlank = (name: string) =>
    create.mutate(
      { name, definition: blankJourneyDefinition() },
      { onSuccess: (journey) => open(journey.id) },
    );
  const createFromTemplate = (slug: string) => {
    setPendingSlug(slug);
    create.mutate(
      { template: slug },
      {
        onSuccess: (journey) => open(journey.id),
        onError: () => setPendingSlug(null),
      },
    );
  };

  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex gap-2">
        <Button
          onClick={() => {
            create.reset();
            setNameOpen(true);
          }}
          disabled={create.isPending}
          className="whitespace-nowrap"
        >
          New journey
        </Button>
        <Button
          variant="secondary"
          className="whitespace-nowrap"
          onClick={() => {
            create.reset();
            setGalleryOpen(true);
          }}
          disabled={create.isPending}
        >
          Start from template
        </Button>
      </div>
      {create.error && !galleryOpen && !nameOpen ? (
        <p role="alert" className="text-sm text-red-600">
          Could not create it: {create.error.message}
        </p>
      ) : null}
      <NewJourneyDialog
        open={nameOpen}
        pending={create.isPending}
        error={create.error?.message ?? null}
        onCreate={createBlank}
        onTemplates={() => {
          create.reset();
          setNameOpen(false);
          setGalleryOpen(true);
        }}
        onClose={() => setNameOpen(false)}
      />
      <TemplateGalleryDialog
        workspaceId={workspaceId}
        open={galleryOpen}
        pendingSlug={pendingSlug}
        error={create.error?.message ?? null}
        onChoose={createFromTemplate}
        onClose={() => {
          setGalleryOpen(false);
          setPendingSlug(null);
        }}
      />
    </div>
  );
}
