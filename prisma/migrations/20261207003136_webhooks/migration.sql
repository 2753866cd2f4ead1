-- CreateTable
CREATE TABLE "webhook_endpoints" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "eventTypes" TEXT[],
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "disabledReason" TEXT,
    "disabledAt" TIMESTAMP(3),
    "secret" TEXT NOT NULL,
    "previousSecret" TEXT,
    "previousSecretExpiresAt" TIMESTAMP(3),
    "failingSince" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhook_endpoints_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_messages" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "endpointId" TEXT NOT NULL,
    "eventType" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3),
    "leaseId" TEXT,
    "lastStatus" INTEGER,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhook_messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_attempts" (
    "id" BIGSERIAL NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "endpointId" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "statusCode" INTEGER,
    "durationMs" INTEGER NOT NULL,
    "error" TEXT,
    "responseBody" TEXT,
    "trigger" TEXT NOT NULL DEFAULT 'scheduled',

    CONSTRAINT "webhook_attempts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "webhook_endpoints_workspaceId_createdAt_idx" ON "webhook_endpoints"("workspaceId", "createdAt");

-- CreateIndex
CREATE INDEX "webhook_messages_status_nextAttemptAt_idx" ON "webhook_messages"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "webhook_messages_endpointId_createdAt_idx" ON "webhook_messages"("endpointId", "createdAt");

-- CreateIndex
CREATE INDEX "webhook_attempts_messageId_id_idx" ON "webhook_attempts"("messageId", "id");

-- CreateIndex
CREATE INDEX "webhook_attempts_endpointId_id_idx" ON "webhook_attempts"("endpointId", "id");

-- Outbound webhooks: the outbox is written by these triggers, in the
-- transaction of the change each event reports, one row per subscribed
-- enabled endpoint. Each trigger's WHEN clause passes only real transitions,
-- and nothing more is done for a workspace without an enabled endpoint (one
-- index probe). The worker's `webhooks` task delivers the rows (lib/webhooks).
--
-- The logic is in SQL functions. The trigger functions are one-line PL/pgSQL
-- wrappers written as E'' strings with \073 for the semicolon, because the
-- migration runner splits scripts at every semicolon.
CREATE INDEX "webhook_endpoints_enabled_workspace_idx" ON "webhook_endpoints"("workspaceId") WHERE "enabled";

-- One outbox row per enabled endpoint of the workspace subscribed to the type, then wakes the workers.
CREATE FUNCTION cue_webhook_enqueue(workspace_id text, event_type text, at timestamp(3), data jsonb)
RETURNS void LANGUAGE sql AS $$
  WITH queued AS (
    INSERT INTO webhook_messages (id, "workspaceId", "endpointId", "eventType", payload, status,
      "nextAttemptAt", "createdAt", "updatedAt")
    SELECT 'msg_' || replace(gen_random_uuid()::text, '-', ''), workspace_id, ep.id, event_type,
      jsonb_build_object('type', event_type,
        'timestamp', to_char(at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        'data', jsonb_strip_nulls(data)),
      'pending', now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
    FROM webhook_endpoints ep
    WHERE ep."workspaceId" = workspace_id AND ep.enabled AND event_type = ANY(ep."eventTypes")
    RETURNING 1
  )
  SELECT pg_notify('cue_wake', 'webhooks') WHERE EXISTS (SELECT 1 FROM queued)
$$;

-- Message lifecycle, from the message timeline (every status change writes
-- one event). In-app seen/read/clicked/archived are inbox.* events instead.
CREATE FUNCTION cue_webhook_message_event_sql(e message_events) RETURNS void LANGUAGE sql AS $$
  SELECT cue_webhook_enqueue(m."workspaceId", 'message.' || e.type, e.at,
    jsonb_build_object('messageId', m.id, 'channel', m.channel::text, 'status', m.status::text,
      'profileId', m."profileId", 'userId', p."userId", 'journeyId', m."journeyId",
      'runId', m."runId", 'nodeId', m."nodeId", 'templateId', m."templateId",
      'source', m.source, 'to', m."toAddress", 'subject', m.subject,
      'error', CASE WHEN e.type IN ('failed', 'bounced') THEN m.error END,
      'details', e.data))
  FROM messages m LEFT JOIN profiles p ON p.id = m."profileId"
  WHERE m.id = e."messageId"
    AND (m.channel = 'email' OR e.type IN ('queued', 'sent', 'delivered', 'failed'))
    AND EXISTS (SELECT 1 FROM webhook_endpoints ep WHERE ep."workspaceId" = m."workspaceId" AND ep.enabled)
$$;

CREATE FUNCTION cue_webhook_message_event() RETURNS trigger LANGUAGE plpgsql
AS E'BEGIN PERFORM cue_webhook_message_event_sql(NEW)\073 RETURN NULL\073 END';

CREATE TRIGGER webhook_message_events AFTER INSERT ON message_events
FOR EACH ROW WHEN (NEW.type IN ('queued', 'sent', 'delivered', 'opened', 'clicked', 'bounced', 'complained', 'failed'))
EXECUTE FUNCTION cue_webhook_message_event();

-- Inbox actions: each stamp an inbox item gains (seen, read, clicked, archived).
CREATE FUNCTION cue_webhook_inbox_item_sql(o inbox_items, n inbox_items) RETURNS void LANGUAGE sql AS $$
  SELECT cue_webhook_enqueue(n."workspaceId", s.type, s.at,
    jsonb_build_object('inboxItemId', n.id, 'messageId', n."messageId", 'channel', 'in_app',
      'profileId', n."profileId", 'userId', p."userId", 'journeyId', msg."journeyId",
      'runId', msg."runId", 'nodeId', msg."nodeId", 'kind', n.kind::text, 'title', n.title,
      'url', CASE WHEN s.type = 'inbox.clicked' THEN n."ctaUrl" END))
  FROM (VALUES (1, 'inbox.seen', o."seenAt", n."seenAt"), (2, 'inbox.read', o."readAt", n."readAt"),
               (3, 'inbox.clicked', o."clickedAt", n."clickedAt"),
               (4, 'inbox.archived', o."archivedAt", n."archivedAt")) AS s(ord, type, was, at)
  LEFT JOIN profiles p ON p.id = n."profileId"
  LEFT JOIN messages msg ON msg.id = n."messageId"
  WHERE s.was IS NULL AND s.at IS NOT NULL
    AND EXISTS (SELECT 1 FROM webhook_endpoints ep WHERE ep."workspaceId" = n."workspaceId" AND ep.enabled)
$$;

CREATE FUNCTION cue_webhook_inbox_item() RETURNS trigger LANGUAGE plpgsql
AS E'BEGIN PERFORM cue_webhook_inbox_item_sql(OLD, NEW)\073 RETURN NULL\073 END';

CREATE TRIGGER webhook_inbox_items AFTER UPDATE ON inbox_items
FOR EACH ROW WHEN (
  (OLD."seenAt" IS NULL AND NEW."seenAt" IS NOT NULL) OR
  (OLD."readAt" IS NULL AND NEW."readAt" IS NOT NULL) OR
  (OLD."clickedAt" IS NULL AND NEW."clickedAt" IS NOT NULL) OR
  (OLD."archivedAt" IS NULL AND NEW."archivedAt" IS NOT NULL))
EXECUTE FUNCTION cue_webhook_inbox_item();

-- Journey runs: entered (a new run), converted (reached the goal, including a
-- late conversion of a completed run), exited (any end: data.status is
-- completed, converted, filtered or exited). `o` is NULL for a new run.
CREATE FUNCTION cue_webhook_journey_run_sql(o journey_runs, n journey_runs) RETURNS void LANGUAGE sql AS $$
  SELECT cue_webhook_enqueue(n."workspaceId", s.type, s.at,
    jsonb_build_object('journeyId', n."journeyId", 'versionId', n."versionId", 'runId', n.id,
      'profileId', n."profileId", 'userId', p."userId", 'status', n.status, 'nodeId', n."nodeId",
      'holdout', n.holdout, 'enteredAt', to_char(n."enteredAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')))
  FROM (VALUES (1, 'journey.entered', o.id IS NULL, n."enteredAt"),
               (2, 'journey.converted', o."convertedAt" IS NULL, n."convertedAt"),
               (3, 'journey.exited', o."endedAt" IS NULL, n."endedAt")) AS s(ord, type, fresh, at)
  LEFT JOIN profiles p ON p.id = n."profileId"
  WHERE s.fresh AND s.at IS NOT NULL
    AND EXISTS (SELECT 1 FROM webhook_endpoints ep WHERE ep."workspaceId" = n."workspaceId" AND ep.enabled)
$$;

CREATE FUNCTION cue_webhook_journey_run() RETURNS trigger LANGUAGE plpgsql
AS E'BEGIN PERFORM cue_webhook_journey_run_sql(OLD, NEW)\073 RETURN NULL\073 END';

CREATE TRIGGER webhook_journey_runs_insert AFTER INSERT ON journey_runs
FOR EACH ROW EXECUTE FUNCTION cue_webhook_journey_run();

CREATE TRIGGER webhook_journey_runs_update AFTER UPDATE ON journey_runs
FOR EACH ROW WHEN (
  (OLD."convertedAt" IS NULL AND NEW."convertedAt" IS NOT NULL) OR
  (OLD."endedAt" IS NULL AND NEW."endedAt" IS NOT NULL))
EXECUTE FUNCTION cue_webhook_journey_run();
