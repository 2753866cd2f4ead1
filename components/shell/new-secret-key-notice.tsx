"use client";

import { useEffect, useState } from "react";
import { SecretShownOnce } from "@/components/data/secret-shown-once";

// A workspace's first secret key exists in plain only in the answer that
// created it (first-run setup, "New workspace"). The form that got it keeps
// it in this tab's sessionStorage for the next page, which shows it once and
// forgets it as it reads it.

const storageKey = (workspaceId: string) => `cue.newSecretKey.${workspaceId}`;

export function rememberNewSecretKey(workspaceId: string, secretKey: string): void {
  try {
    sessionStorage.setItem(storageKey(workspaceId), secretKey);
  } catch {
    // Storage blocked: the key can still be had by rotating it in Settings.
  }
}

export function NewSecretKeyNotice({ workspaceId }: { workspaceId: string }) {
  const [secretKey, setSecretKey] = useState<string | null>(null);
  useEffect(() => {
    try {
      const key = sessionStorage.getItem(storageKey(workspaceId));
      sessionStorage.removeItem(storageKey(workspaceId));
      if (key) setSecretKey(key);
    } catch {
      // Storage blocked: nothing to show.
    }
  }, [workspaceId]);
  if (!secretKey) return null;
  return (
    <div className="mb-6">
      <SecretShownOnce
        title="Your workspace’s secret key (for your servers: Authorization: Bearer)"
        secret={secretKey}
        onDismiss={() => setSecretKey(null)}
      />
    </div>
  );
}
