// What the engine knows about the outside world when it decides. The shell
// loads these from PostgreSQL; the simulator builds them from an event list.
// Keeping them plain data is what makes the core pure and replayable.

export interface ProfileFacts {
  id: string;
  traits: Record<string, unknown>;
  firstSeenAt: Date;
  lastSeenAt: Date;
  /** IANA name; UTC is used when null or unknown to the runtime. */
  timezone: string | null;
  /**
   * The device's timezone (profiles.contextTimezone), which `timezone` falls
   * back to without a valid traits.timezone; read off `timezone` when absent.
   */
  contextTimezone?: string | null;
  email: string | null;
  unsubscribed: boolean;
  /** Hard bounce or complaint: never email again. */
  suppressed: boolean;
  /**
   * Changes of the profile's subscription-topic preferences, with their
   * times (topics that cannot be unsubscribed from are left out); the core
   * reads the one in force at the decision (topic-preferences.ts).
   */
  topicPreferences?: readonly TopicPreference[];
  /**
   * The saved segments the profile is in at the decision (lib/segments/).
   * Absent when the caller did not load them: segment conditions then fail closed.
   */
  segmentIds?: readonly string[];
}

/** One change of a profile's preference for a topic on a channel. */
export interface TopicPreference {
  /** The topic's key, as send steps and templates name it. */
  topic: string;
  topicName: string;
  channel: Channel;
  subscribed: boolean;
  at: Date;
}

export interface JourneyEvent {
  name: string;
  properties: Record<string, unknown>;
  timestamp: Date;
}

/** Pre-loaded event counts, keyed by `countKey(query)` (see count-queries.ts). */
export type EventCounts = Readonly<Record<string, number>>;

export type Channel = "email" | "in_app";

/** One message already sent to the profile, by any journey, for the frequency budget. */
export interface SentMessage {
  at: Date;
  /** "webhook": a webhook step that counts as a message (budget only). */
  channel: Channel | "webhook";
  /** Transactional sends neither count toward nor are held by the budget. */
  transactional?: boolean;
}
