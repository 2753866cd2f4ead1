import {
  messageDetailSchema,
  messagePageSchema,
  messageViewSchema,
} from "@/lib/channels/message-view-schema";
import { listProfileMessagesQuerySchema } from "@/lib/channels/profile-messages-query";
import { profileRunsQuerySchema } from "@/lib/journeys/journey-schemas";
import {
  json,
  type PathItem,
  pathParam,
  pick,
  queryParams,
  ref,
  SECRET_KEY,
} from "./openapi-helpers";

// Debugging what happened to a user (secret key): one message's lifecycle, a
// profile's messages, and the profile's journey runs with their traces.

export const MESSAGE_RESPONSE_SCHEMAS = {
  Message: messageViewSchema,
  MessageDetail: messageDetailSchema,
  MessagePage: messagePageSchema,
};

const userId = pathParam("userId", "The profile's userId (or an anonymousId or email)");

const LIFECYCLE = {
  queuedAt: "2026-12-07T10:00:00.000Z",
  sentAt: "2026-12-07T10:00:01.204Z",
  deliveredAt: "2026-12-07T10:00:03.880Z",
  openedAt: "2026-12-07T10:14:52.000Z",
  clickedAt: null,
  bouncedAt: null,
  complainedAt: null,
  failedAt: null,
  skippedAt: null,
  seenAt: null,
  readAt: null,
  archivedAt: null,
};

const MESSAGE_EXAMPLE = {
  id: "cmiv2k8q30001qk08c1b2x7yz",
  channel: "email",
  status: "opened",
  source: "journey",
  userId: "user_123",
  profileId: "01937c5e-8f2a-7c3e-9a41-5b2f0e6d7c10",
  templateId: null,
  journeyId: "cmiv1z0a20000qk08h4j5k6lm",
  runId: "01937c5e-9b11-7d02-8e55-0c3a2f1b4d99",
  nodeId: "welcome-email",
  to: "ada@example.com",
  subject: "Welcome, Ada",
  transactional: false,
  providerId: "4ef9a417-02e9-4d39-ad75-9611e0fcc33c",
  error: null,
  attempts: 1,
  nextAttemptAt: null,
  lifecycle: LIFECYCLE,
  createdAt: "2026-12-07T10:00:00.000Z",
  updatedAt: "2026-12-07T10:14:52.000Z",
};

const DETAIL_EXAMPLE = {
  ...MESSAGE_EXAMPLE,
  rendered: {
    channel: "email",
    email: {
      subject: "Welcome, Ada",
      preheader: "Three things to try first",
      html: "<!doctype html>…",
      text: "Hi Ada, …",
    },
  },
  events: [
    { type: "queued", at: "2026-12-07T10:00:00.000Z", data: null },
    {
      type: "sent",
      at: "2026-12-07T10:00:01.204Z",
      data: { providerId: "4ef9a417-02e9-4d39-ad75-9611e0fcc33c", attempt: 1 },
    },
    { type: "provider_sent", at: "2026-12-07T10:00:01.900Z", data: {} },
    { type: "delivered", at: "2026-12-07T10:00:03.880Z", data: {} },
    { type: "opened", at: "2026-12-07T10:14:52.000Z", data: {} },
  ],
};

const IN_APP_EXAMPLE = {
  ...MESSAGE_EXAMPLE,
  id: "cmiv2m1d90003qk08r7s8t9uv",
  channel: "in_app",
  status: "read",
  source: "api",
  journeyId: null,
  runId: null,
  nodeId: null,
  to: null,
  subject: null,
  providerId: null,
  attempts: 0,
  lifecycle: {
    ...LIFECYCLE,
    sentAt: "2026-12-07T09:00:00.000Z",
    deliveredAt: "2026-12-07T09:03:10.000Z",
    openedAt: null,
    seenAt: "2026-12-07T09:03:11.000Z",
    readAt: "2026-12-07T09:03:40.000Z",
    queuedAt: "2026-12-07T09:00:00.000Z",
  },
  createdAt: "2026-12-07T09:00:00.000Z",
  updatedAt: "2026-12-07T09:03:40.000Z",
};

const RUN_EXAMPLE = {
  id: "01937c5e-9b11-7d02-8e55-0c3a2f1b4d99",
  journey: { id: "cmiv1z0a20000qk08h4j5k6lm", name: "Onboarding" },
  versionId: "cmiv1z9x10002qk08abcdefgh",
  version: 3,
  profileId: "01937c5e-8f2a-7c3e-9a41-5b2f0e6d7c10",
  status: "waiting",
  nodeId: "wait-2-days",
  holdout: false,
  enteredAt: "2026-12-07T10:00:00.000Z",
  endedAt: null,
  convertedAt: null,
  wakeAt: "2026-12-09T10:00:00.000Z",
  trace: [
    {
      id: "101",
      at: "2026-12-07T10:00:00.000Z",
      nodeId: "trigger",
      step: 'When "Signed Up" happens',
      decision: "entered",
      reason: "Signed Up matched the trigger",
      data: null,
    },
    {
      id: "102",
      at: "2026-12-07T10:00:00.000Z",
      nodeId: "welcome-email",
      step: "Welcome email",
      decision: "sent",
      reason: "Sent an email message",
      data: null,
    },
    {
      id: "103",
      at: "2026-12-07T10:00:00.000Z",
      nodeId: "wait-2-days",
      step: "Wait 2 days",
      decision: "waiting",
      reason: "Wait 2 days, until 2026-12-09T10:00:00.000Z",
      data: null,
    },
  ],
  messages: [
    {
      id: "cmiv2k8q30001qk08c1b2x7yz",
      nodeId: "welcome-email",
      channel: "email",
      status: "opened",
      subject: "Welcome, Ada",
      error: null,
      createdAt: "2026-12-07T10:00:00.000Z",
    },
  ],
};

export const messagePaths: Record<string, PathItem> = {
  "/api/v1/messages/{id}": {
    get: {
      operationId: "getMessage",
      tags: ["Messages"],
      summary: "What became of a message",
      description:
        "The message's status now, when each step first happened (`lifecycle`), the provider's id, the last error, what was rendered and every step of its timeline (`events`). Use the `messageId` that POST /api/v1/messages answered, or one from a webhook or a list. Another workspace's message is a 404.",
      security: SECRET_KEY,
      parameters: [pathParam("id", "The message id")],
      responses: {
        "200": json(
          {
            type: "object",
            properties: { message: ref("MessageDetail") },
            required: ["message"],
          },
          "The message",
          { message: DETAIL_EXAMPLE },
        ),
        ...pick("401", "404"),
      },
    },
  },
  "/api/v1/profiles/{userId}/messages": {
    get: {
      operationId: "listProfileMessages",
      tags: ["Messages"],
      summary: "A profile's messages, newest first",
      description:
        "Every message sent (or skipped) to this profile, email and in-app, each with its status and lifecycle times, newest first. Keyset pagination: pass `nextCursor` as `cursor` until it is null; pages never skip or repeat while new messages arrive. A bad `limit`, `cursor`, `channel` or `status` is a 422 naming it.",
      security: SECRET_KEY,
      parameters: [userId, ...queryParams(listProfileMessagesQuerySchema)],
      responses: {
        "200": json(ref("MessagePage"), "A page of messages", {
          messages: [MESSAGE_EXAMPLE, IN_APP_EXAMPLE],
          nextCursor: "MjAyNi0xMi0wN1QwOTowMDowMC4wMDBafGNtaXYybTFkOTAwMDNxazA4cjdzOHQ5dXY",
        }),
        ...pick("401", "404", "422"),
      },
    },
  },
  "/api/v1/profiles/{userId}/runs": {
    get: {
      operationId: "listProfileRuns",
      tags: ["Profiles"],
      summary: "A profile's journey runs with their traces",
      description:
        "Each run of this profile, newest entry first, with its trace (every step the engine took, with its time, decision and reason) and the messages it sent: the answer to “why did (or didn't) this user get it”. Pass `nextCursor` as `cursor` for older runs.",
      security: SECRET_KEY,
      parameters: [userId, ...queryParams(profileRunsQuerySchema)],
      responses: {
        "200": json(
          {
            type: "object",
            properties: {
              runs: { type: "array", items: ref("Run") },
              nextCursor: { type: ["string", "null"] },
            },
            required: ["runs", "nextCursor"],
          },
          "Runs, newest entry first",
          { runs: [RUN_EXAMPLE], nextCursor: null },
        ),
        ...pick("401", "404", "422"),
      },
    },
  },
};
