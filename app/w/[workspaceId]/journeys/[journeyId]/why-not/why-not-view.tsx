"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { CopyButton } from "@/components/data/copy-button";
import { useHydrated } from "@/components/data/local-time";
import { WhyNotPanel } from "@/components/explain/why-not-panel";

/** The panel for one journey; the question lives in the URL (?profile=&at=&node=), so it can be shared. */
export function WhyNotView({ workspaceId, journeyId }: { workspaceId: string; journeyId: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const hydrated = useHydrated();
  const profile = search.get("profile") ?? undefined;
  const at = search.get("at") ?? undefined;
  const node = search.get("node");
  const link = hydrated ? `${window.location.origin}${pathname}?${search.toString()}` : "";
  return (
    <div className="space-y-3">
      <div className="flex justify-end">
        <CopyButton text={link} label="Copy link" />
      </div>
      <WhyNotPanel
        key={search.toString()}
        workspaceId={workspaceId}
        journeyId={journeyId}
        initial={{ profileId: profile, at: at ?? null }}
        nodeId={node}
        onAsk={(selection) => {
          const next = new URLSearchParams({ profile: selection.profileId });
          if (selection.at) next.set("at", selection.at);
          if (node) next.set("node", node);
          router.replace(`${pathname}?${next}`, { scroll: false });
        }}
      />
    </div>
  );
}
