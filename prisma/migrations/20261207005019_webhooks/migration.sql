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
    "profileId" UUID,
    "payload" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3),
    "leaseId" TEXT,
    "lastStatus" INTEGER,
    "lastError" TEXT,
    "replayedAt" TIMESTAMP(3),
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
CREATE INDEX "webhook_messages_workspaceId_profileId_idx" ON "webhook_messages"("workspaceId", "profileId");

-- CreateIndex
CREATE INDEX "webhook_messages_createdAt_idx" ON "webhook_messages"("createdAt");

-- CreateIndex
CREATE INDEX "webhook_attempts_messageId_id_idx" ON "webhook_attempts"("messageId", "id");

-- CreateIndex
CREATE INDEX "webhook_attempts_endpointId_id_idx" ON "webhook_attempts"("endpointId", "id");

-- Outbound webhooks: the outbox is written by these triggers, in the
-- transaction of the change each event reports, one row per subscribed
-- enabled endpoint. Each trigger's WHEN clause passes only real transitions,
-- and each function first asks whether the workspace has an enabled endpoint
-- (one index probe, a cached plan), so a workspace without webhooks pays
-- nothing more. The worker's `webhooks` task delivers the rows (lib/webhooks).
--
-- The PL/pgSQL bodies are E'' strings with \073 for each semicolon and
-- doubled quotes, because the migration runner (the pg adapter's
-- executeScript) splits scripts at every semicolon. PL/pgSQL rather than SQL
-- functions: their plans are cached per connection (SQL functions were
-- replanned on every call before PostgreSQL 18, about 0.5 ms an event).
CREATE INDEX "webhook_endpoints_enabled_workspace_idx" ON "webhook_endpoints"("workspaceId") WHERE "enabled";

-- One outbox row per enabled endpoint of the workspace subscribed to the type, then wakes the workers.
CREATE FUNCTION cue_webhook_enqueue(workspace_id text, event_type text, at timestamp(3), data jsonb)
RETURNS void LANGUAGE plpgsql AS E'BEGIN
  INSERT INTO webhook_messages (id, "workspaceId", "endpointId", "eventType", "profileId", payload, status,
    "nextAttemptAt", "createdAt", "updatedAt")
  SELECT ''msg_'' || replace(gen_random_uuid()::text, ''-'', ''''), workspace_id, ep.id, event_type,
    (data->>''profileId'')::uuid,
    jsonb_build_object(''type'', event_type,
      ''timestamp'', to_char(at, ''YYYY-MM-DD"T"HH24:MI:SS.MS"Z"''),
      ''data'', jsonb_strip_nulls(data)),
    ''pending'', now() AT TIME ZONE ''UTC'', now() AT TIME ZONE ''UTC'', now() AT TIME ZONE ''UTC''
  FROM webhook_endpoints ep
  WHERE ep."workspaceId" = workspace_id AND ep.enabled AND event_type = ANY(ep."eventTypes")\073
  IF FOUND THEN
    PERFORM pg_notify(''cue_wake'', ''webhooks'')\073
  END IF\073
END';

-- Message lifecycle, from the message timeline (every status change writes one event).
CREATE FUNCTION cue_webhook_message_event() RETURNS trigger LANGUAGE plpgsql AS E'DECLARE
  m record\073
BEGIN
  IF NOT EXISTS (SELECT 1 FROM messages msg JOIN webhook_endpoints ep
                 ON ep."workspaceId" = msg."workspaceId" AND ep.enabled
                 WHERE msg.id = NEW."messageId") THEN
    RETURN NULL\073
  END IF\073
  SELECT msg.*, p."userId" AS "userId" INTO m
  FROM messages msg LEFT JOIN profiles p ON p.id = msg."profileId"
  WHERE msg.id = NEW."messageId"\073
  -- In-app seen, read, clicked and archived are inbox events (the inbox_items trigger).
  IF m.channel = ''in_app'' AND NEW.type NOT IN (''queued'', ''sent'', ''delivered'', ''failed'') THEN
    RETURN NULL\073
  END IF\073
  PERFORM cue_webhook_enqueue(m."workspaceId", ''message.'' || NEW.type, NEW.at,
    jsonb_build_object(''messageId'', m.id, ''channel'', m.channel::text, ''status'', m.status::text,
      ''profileId'', m."profileId", ''userId'', m."userId", ''journeyId'', m."journeyId",
      ''runId'', m."runId", ''nodeId'', m."nodeId", ''templateId'', m."templateId",
      ''source'', m.source, ''to'', m."toAddress", ''subject'', m.subject,
      ''error'', CASE WHEN NEW.type IN (''failed'', ''bounced'') THEN m.error END,
      ''details'', NEW.data))\073
  RETURN NULL\073
END';

CREATE TRIGGER webhook_message_events AFTER INSERT ON message_events
FOR EACH ROW WHEN (NEW.type IN ('queued', 'sent', 'delivered', 'opened', 'clicked', 'bounced', 'complained', 'failed'))
EXECUTE FUNCTION cue_webhook_message_event();

-- Inbox actions: each stamp an inbox item gains (seen, read, clicked, archived).
CREATE FUNCTION cue_webhook_inbox_item() RETURNS trigger LANGUAGE plpgsql AS E'DECLARE
  base jsonb\073
BEGIN
  IF NOT EXISTS (SELECT 1 FROM webhook_endpoints WHERE "workspaceId" = NEW."workspaceId" AND enabled) THEN
    RETURN NULL\073
  END IF\073
  SELECT jsonb_build_object(''inboxItemId'', NEW.id, ''messageId'', NEW."messageId",
      ''channel'', ''in_app'', ''profileId'', NEW."profileId", ''userId'', p."userId",
      ''journeyId'', msg."journeyId", ''runId'', msg."runId", ''nodeId'', msg."nodeId",
      ''kind'', NEW.kind::text, ''title'', NEW.title)
    INTO base
  FROM (SELECT 1) one
  LEFT JOIN profiles p ON p.id = NEW."profileId"
  LEFT JOIN messages msg ON msg.id = NEW."messageId"\073
  IF OLD."seenAt" IS NULL AND NEW."seenAt" IS NOT NULL THEN
    PERFORM cue_webhook_enqueue(NEW."workspaceId", ''inbox.seen'', NEW."seenAt", base)\073
  END IF\073
  IF OLD."readAt" IS NULL AND NEW."readAt" IS NOT NULL THEN
    PERFORM cue_webhook_enqueue(NEW."workspaceId", ''inbox.read'', NEW."readAt", base)\073
  END IF\073
  IF OLD."clickedAt" IS NULL AND NEW."clickedAt" IS NOT NULL THEN
    PERFORM cue_webhook_enqueue(NEW."workspaceId", ''inbox.clicked'', NEW."clickedAt",
      base || jsonb_build_object(''url'', NEW."ctaUrl"))\073
  END IF\073
  IF OLD."archivedAt" IS NULL AND NEW."archivedAt" IS NOT NULL THEN
    PERFORM cue_webhook_enqueue(NEW."workspaceId", ''inbox.archived'', NEW."archivedAt", base)\073
  END IF\073
  RETURN NULL\073
END';

CREATE TRIGGER webhook_inbox_items AFTER UPDATE ON inbox_items
FOR EACH ROW WHEN (
  (OLD."seenAt" IS NULL AND NEW."seenAt" IS NOT NULL) OR
  (OLD."readAt" IS NULL AND NEW."readAt" IS NOT NULL) OR
  (OLD."clickedAt" IS NULL AND NEW."clickedAt" IS NOT NULL) OR
  (OLD."archivedAt" IS NULL AND NEW."archivedAt" IS NOT NULL))
EXECUTE FUNCTION cue_webhook_inbox_item();

-- Journey runs: entered (a new run), converted (reached the goal, including a
-- late conversion of a completed run), exited (any end: data.status is
-- completed, converted, filtered or exited).
CREATE FUNCTION cue_webhook_journey_run() RETURNS trigger LANGUAGE plpgsql AS E'DECLARE
  base jsonb\073
BEGIN
  IF NOT EXISTS (SELECT 1 FROM webhook_endpoints WHERE "workspaceId" = NEW."workspaceId" AND enabled) THEN
    RETURN NULL\073
  END IF\073
  SELECT jsonb_build_object(''journeyId'', NEW."journeyId", ''versionId'', NEW."versionId",
      ''runId'', NEW.id, ''profileId'', NEW."profileId", ''userId'', p."userId",
      ''status'', NEW.status, ''nodeId'', NEW."nodeId", ''holdout'', NEW.holdout,
      ''enteredAt'', to_char(NEW."enteredAt", ''YYYY-MM-DD"T"HH24:MI:SS.MS"Z"''))
    INTO base
  FROM (SELECT 1) one LEFT JOIN profiles p ON p.id = NEW."profileId"\073
  IF TG_OP = ''INSERT'' THEN
    PERFORM cue_webhook_enqueue(NEW."workspaceId", ''journey.entered'', NEW."enteredAt", base)\073
  END IF\073
  IF NEW."convertedAt" IS NOT NULL AND (TG_OP = ''INSERT'' OR OLD."convertedAt" IS NULL) THEN
    PERFORM cue_webhook_enqueue(NEW."workspaceId", ''journey.converted'', NEW."convertedAt", base)\073
  END IF\073
  IF NEW."endedAt" IS NOT NULL AND (TG_OP = ''INSERT'' OR OLD."endedAt" IS NULL) THEN
    PERFORM cue_webhook_enqueue(NEW."workspaceId", ''journey.exited'', NEW."endedAt", base)\073
  END IF\073
  RETURN NULL\073
END';

CREATE TRIGGER webhook_journey_runs_insert AFTER INSERT ON journey_runs
FOR EACH ROW EXECUTE FUNCTION cue_webhook_journey_run();

CREATE TRIGGER webhook_journey_runs_update AFTER UPDATE ON journey_runs
FOR EACH ROW WHEN (
  (OLD."convertedAt" IS NULL AND NEW."convertedAt" IS NOT NULL) OR
  (OLD."endedAt" IS NULL AND NEW."endedAt" IS NOT NULL))
EXECUTE FUNCTION cue_webhook_journey_run();
