"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ApiClientError, fetchJson } from "@/lib/query/fetch-json";
import { createWorkspaceSchema } from "@/lib/workspaces/setup-schema";
import { rememberNewSecretKey } from "./new-secret-key-notice";

/** The shell's "New workspace" action: the creator becomes its owner and lands in its Settings. */
export function NewWorkspaceForm() {
  const router = useRouter();
  const [error, setError] = useState<string | undefined>();
  const create = useMutation({
    mutationFn: (name: string) =>
      fetchJson<{ workspaceId: string; secretKey: string }>("/api/workspaces", {
        method: "POST",
        body: JSON.stringify({ name }),
      }),
    onSuccess: ({ workspaceId, secretKey }) => {
      // Shown once by the next page (Cue keeps only the key's hash).
      rememberNewSecretKey(workspaceId, secretKey);
      router.push(`/w/${workspaceId}/settings`);
    },
    onError: (e) =>
      setError(e instanceof ApiClientError ? (e.fieldErrors.name ?? e.message) : e.message),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = createWorkspaceSchema.safeParse({
      name: new FormData(event.currentTarget).get("name"),
    });
    if (!parsed.success) return setError(parsed.error.issues[0]?.message);
    setError(undefined);
    create.mutate(parsed.data.name);
  }

  return (
    <details className="mt-2 text-xs">
      <summary className="cursor-pointer text-slate-500">New workspace</summary>
      <form onSubmit={submit} className="mt-2 space-y-2" noValidate>
        <Field id="new-workspace-name" name="name" label="Workspace name" error={error} />
        <Button type="submit" disabled={create.isPending} className="w-full">
          {create.isPending ? "Creating…" : "Create workspace"}
        </Button>
      </form>
    </details>
  );
}
