export interface TopicView {
  id: string;
  key: string;
  name: string;
  description: string;
  unsubscribable: boolean;
  createdAt: string;
  updatedAt: string;
}

export function toTopicView(row: {
  id: string;
  key: string;
  name: string;
  description: string;
  unsubscribable: boolean;
  createdAt: Date;
  updatedAt: Date;
}): TopicView {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    description: row.description,
    unsubscribable: row.unsubscribable,
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
