"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ConditionGroupEditor } from "@/components/journey-builder/inspector/condition-editor";
import { VocabularyProvider } from "@/components/journey-builder/inspector/vocabulary";
import { SEGMENTS_QUERY_KEY } from "@/components/segments/use-segments-query";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { ConditionGroup } from "@/lib/journey-core/definition";
import { ApiClientError, fetchJson } from "@/lib/query/fetch-json";
import type { SegmentView } from "@/lib/segments/segment-view";

/** Name, kind and (for condition segments) the condition, in the journey filters' editor. */
export function NewSegmentForm({
  workspaceId,
  onCreated,
}: {
  workspaceId: string;
  onCreated: (id: string) => void;
}) {
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [kind, setKind] = useState<"condition" | "manual">("condition");
  const [condition, setCondition] = useState<ConditionGroup>({
    all: [{ kind: "trait", path: "", operator: "eq", value: "" }],
  });
  const create = useMutation({
    mutationFn: () =>
      fetchJson<{ segment: SegmentView }>(`/api/w/${workspaceId}/segments`, {
        method: "POST",
        body: JSON.stringify(kind === "manual" ? { kind, name } : { kind, name, condition }),
      }),
    onSuccess: ({ segment }) => onCreated(segment.id),
    onSettled: () => queryClient.invalidateQueries({ queryKey: [SEGMENTS_QUERY_KEY, workspaceId] }),
  });
  const errors = create.error instanceof ApiClientError ? create.error.fieldErrors : {};
  const conditionErrors = Object.entries(errors).filter(([field]) => field.startsWith("condition"));
  return (
    <form
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-4"
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate();
      }}
    >
      <Field
        id="segment-name"
        label="Name"
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={errors.name}
      />
      <fieldset className="flex gap-4 text-sm">
        <legend className="mb-1 text-sm font-medium text-slate-700">Kind</legend>
        <label className="flex items-center gap-1">
          <input
            type="radio"
            checked={kind === "condition"}
            onChange={() => setKind("condition")}
          />
          By condition (live)
        </label>
        <label className="flex items-center gap-1">
          <input type="radio" checked={kind === "manual"} onChange={() => setKind("manual")} />
          Manual (import a CSV)
        </label>
      </fieldset>
      {kind === "condition" ? (
        <VocabularyProvider workspaceId={workspaceId}>
          <ConditionGroupEditor group={condition} onChange={setCondition} />
        </VocabularyProvider>
      ) : null}
      {conditionErrors.length > 0 ? (
        <ul className="text-sm text-red-600">
          {conditionErrors.map(([field, message]) => (
            <li key={field}>
              {field}: {message}
            </li>
          ))}
        </ul>
      ) : null}
      {create.error && !Object.keys(errors).length ? (
        <p className="text-sm text-red-600">{create.error.message}</p>
      ) : null}
      <Button type="submit" disabled={create.isPending}>
        {create.isPending ? "Saving…" : "Save segment"}
      </Button>
    </form>
  );
}
