"use client";

import { createContext, type ReactNode, useContext, useMemo } from "react";
import { useEventCatalogQuery } from "@/components/events/use-event-catalog-query";
import { useSegmentsQuery } from "@/components/segments/use-segments-query";
import { unseenEventFlag } from "@/lib/journey-core/unseen-events";
import { useTraitKeysQuery } from "../use-trait-keys-query";

export interface KeyInfo {
  key: string;
  type: string;
}

/** What the pickers suggest: seen event names, their property keys, and trait keys. */
export interface Vocabulary {
  events: string[];
  /** Flags an event name the workspace has never received; nothing until the catalog loads. */
  unseenEvent?: (name: string) => string;
  propertiesOf: (event: string | undefined) => KeyInfo[];
  traits: KeyInfo[];
  /** The trigger's event, whose properties filters and branches read as "event property". */
  triggerEvent?: string;
  /** Saved segments, for segment conditions, triggers and the exclusion segment. */
  segments?: { id: string; name: string }[];
}

const EMPTY: Vocabulary = { events: [], propertiesOf: () => [], traits: [] };
const VocabularyContext = createContext<Vocabulary>(EMPTY);

export function useVocabulary(): Vocabulary {
  return useContext(VocabularyContext);
}

export function VocabularyProvider({
  workspaceId,
  triggerEvent,
  children,
}: {
  workspaceId: string;
  triggerEvent?: string;
  children: ReactNode;
}) {
  const catalog = useEventCatalogQuery(workspaceId);
  const traits = useTraitKeysQuery(workspaceId);
  const segments = useSegmentsQuery(workspaceId);
  const value = useMemo<Vocabulary>(() => {
    const events = catalog.data?.events ?? [];
    const byName = new Map(events.map((event) => [event.name, event.properties]));
    return {
      events: events.map((event) => event.name),
      unseenEvent: catalog.data ? unseenEventFlag : undefined,
      propertiesOf: (event) => (event ? (byName.get(event) ?? []) : []),
      traits: traits.data ?? [],
      triggerEvent,
      segments: (segments.data?.segments ?? []).map((s) => ({ id: s.id, name: s.name })),
    };
  }, [catalog.data, traits.data, triggerEvent, segments.data]);
  return <VocabularyContext.Provider value={value}>{children}</VocabularyContext.Provider>;
}

/** Liquid variables a message can use: profile traits, the trigger event's properties, and more. */
export function liquidVariables(vocabulary: Vocabulary, channel: "email" | "in_app"): string[] {
  return [
    ...vocabulary.traits.map((trait) => `profile.traits.${trait.key}`),
    "profile.email",
    "profile.id",
    ...vocabulary.propertiesOf(vocabulary.triggerEvent).map((p) => `event.${p.key}`),
    "journey.name",
    ...(channel === "email" ? ["unsubscribe_url"] : []),
  ];
}
