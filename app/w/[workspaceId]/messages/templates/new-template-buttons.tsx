"use client";

import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import type { TemplateInput } from "@/lib/channels/templates/template-schemas";
import { useCreateTemplateMutation } from "./use-create-template-mutation";

const STARTERS: Record<"email" | "in_app", TemplateInput> = {
  email: {
    name: "Untitled email",
    content: {
      channel: "email",
      email: {
        subject: 'Welcome, {{ profile.traits.name | default: "there" }}',
        preheader: "",
        body: 'Hi {{ profile.traits.name | default: "there" }},\n\nThanks for joining.',
        bodyFormat: "markdown",
        transactional: false,
      },
    },
  },
  in_app: {
    name: "Untitled in-app message",
    content: {
      channel: "in_app",
      inApp: {
        kind: "card",
        title: 'Hi {{ profile.traits.name | default: "there" }}',
        body: "Something new is waiting for you.",
      },
    },
  },
};

/** Creates a starter template and opens it in the editor. */
export function NewTemplateButtons({ workspaceId }: { workspaceId: string }) {
  const router = useRouter();
  const create = useCreateTemplateMutation(workspaceId);
  const start = (channel: "email" | "in_app") =>
    create.mutate(STARTERS[channel], {
      onSuccess: (template) => router.push(`/w/${workspaceId}/messages/templates/${template.id}`),
    });
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex gap-2">
        <Button onClick={() => start("email")} disabled={create.isPending}>
          New email
        </Button>
        <Button variant="secondary" onClick={() => start("in_app")} disabled={create.isPending}>
          New in-app message
        </Button>
      </div>
      {create.error ? (
        <p role="alert" className="text-sm text-red-600">
          Could not create it: {create.error.message}
        </p>
      ) : null}
    </div>
  );
}
