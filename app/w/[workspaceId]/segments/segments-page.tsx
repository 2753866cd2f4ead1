"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useSegmentsQuery } from "@/components/segments/use-segments-query";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import type { SegmentView } from "@/lib/segments/segment-view";
import { NewSegmentForm } from "./new-segment-form";
import { SegmentDetail } from "./segment-detail";

/** The list with each segment's size now; selecting one opens its detail. */
export function SegmentsPage({
  workspaceId,
  initialSegments,
}: {
  workspaceId: string;
  initialSegments: SegmentView[];
}) {
  const query = useSegmentsQuery(workspaceId, { segments: initialSegments });
  const segments = query.data?.segments ?? [];
  const [selected, setSelected] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  // Refresh while a segment is computing, so its size appears when it is ready.
  useQuery({
    queryKey: ["segments-computing", workspaceId],
    queryFn: async () => {
      await query.refetch();
      return Date.now();
    },
    enabled: segments.some((s) => s.status === "computing"),
    refetchInterval: 1000,
  });
  const current = segments.find((s) => s.id === selected) ?? null;
  return (
    <div className="space-y-6">
      <div className="flex justify-end">
        <Button onClick={() => setCreating((on) => !on)}>
          {creating ? "Cancel" : "New segment"}
        </Button>
      </div>
      {creating ? (
        <NewSegmentForm
          workspaceId={workspaceId}
          onCreated={(id) => {
            setCreating(false);
            setSelected(id);
          }}
        />
      ) : null}
      {segments.length === 0 && !creating ? (
        <EmptyState
          title="No segments yet"
          action={<Button onClick={() => setCreating(true)}>New segment</Button>}
        >
          A segment is a saved audience: people with a trait, who did (or didn&apos;t do) something
          in a time window, or who were first seen recently. Create one, then start a journey when
          people enter or leave it.
        </EmptyState>
      ) : (
        <table className="w-full text-left text-sm">
          <thead className="text-xs uppercase text-slate-500">
            <tr>
              <th className="py-2">Name</th>
              <th>Kind</th>
              <th>Members now</th>
              <th>Status</th>
            </tr>
          </thead>
          <tbody>
            {segments.map((segment) => (
              <tr key={segment.id} className="border-t border-slate-200">
                <td className="py-2">
                  <button
                    type="button"
                    className="font-medium text-brand-700 hover:underline"
                    onClick={() => setSelected(segment.id)}
                  >
                    {segment.name}
                  </button>
                </td>
                <td>{segment.kind === "manual" ? "Manual (CSV)" : "Condition"}</td>
                <td data-testid={`segment-size-${segment.id}`}>{segment.size}</td>
                <td>{segment.status === "ready" ? "Live" : "Computing…"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {current ? <SegmentDetail workspaceId={workspaceId} segment={current} /> : null}
    </div>
  );
}
