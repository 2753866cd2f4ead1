import type { TopicTrait } from "./topic-schemas";

export interface TopicView {
  id: string;
  key: string;
  name: string;
  description: string;
  unsubscribable: boolean;
  /** The identify trait that sets this topic's preference (topic-trait.ts), if any. */
  trait: TopicTrait | null;
  createdAt: string;
  updatedAt: string;
}

export function toTopicView(row: {
  id: string;
  key: string;
  name: string;
  description: string;
  unsubscribable: boolean;
  traitKey: string | null;
  traitWhenTrue: string | null;
  traitChannel: "email" | "in_app" | null;
  createdAt: Date;
  updatedAt: Date;
}): TopicView {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    description: row.description,
    unsubscribable: row.unsubscribable,
    trait: row.traitKey
      ? {
          key: row.traitKey,
          whenTrue: row.traitWhenTrue === "unsubscribed" ? "unsubscribed" : "subscribed",
          channel: row.traitChannel,
        }
      : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** One topic as a profile sees it: subscribed per channel (true until the profile opts out). */
export interface TopicPreferenceView {
  topic: string;
  name: string;
  description: string;
  unsubscribable: boolean;
  channels: { email: boolean; in_app: boolean };
}
