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
-- and `cue_webhook_enqueue` leaves at once when the workspace has no enabled
-- endpoint (one index probe), so a workspace without webhooks pays nothing
-- more. The worker's `webhooks` task delivers the rows (lib/webhooks).
CREATE INDEX "webhook_endpoints_enabled_workspace_idx" ON "webhook_endpoints"("workspaceId") WHERE "enabled";

CREATE FUNCTION cue_webhook_enqueue(workspace_id text, event_type text, at timestamp(3), data jsonb)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  queued int;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM webhook_endpoints WHERE "workspaceId" = workspace_id AND enabled) THEN
    RETURN;
  END IF;
  INSERT INTO webhook_messages (id, "workspaceId", "endpointId", "eventType", payload, status,
    "nextAttemptAt", "createdAt", "updatedAt")
  SELECT 'msg_' || replace(gen_random_uuid()::text, '-', ''), workspace_id, ep.id, event_type,
    jsonb_build_object('type', event_type,
      'timestamp', to_char(at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      'data', jsonb_strip_nulls(data)),
    'pending', now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
  FROM webhook_endpoints ep
  WHERE ep."workspaceId" = workspace_id AND ep.enabled AND event_type = ANY(ep."eventTypes");
  GET DIAGNOSTICS queued = ROW_COUNT;
  IF queued > 0 THEN
    PERFORM pg_notify('cue_wake', 'webhooks');
  END IF;
END $$;

-- Message lifecycle, from the message timeline (every status change writes one).
CREATE FUNCTION cue_webhook_message_event() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  m record;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM webhook_endpoints WHERE enabled) THEN RETURN NULL; END IF;
  SELECT msg.*, p."userId" AS "userId" INTO m
  FROM messages msg LEFT JOIN profiles p ON p.id = msg."profileId"
  WHERE msg.id = NEW."messageId";
  IF NOT FOUND THEN RETURN NULL; END IF;
  -- In-app seen/read/clicked/archived are inbox.* events (the inbox_items trigger).
  IF m.channel = 'in_app' AND NEW.type NOT IN ('queued', 'sent', 'delivered', 'failed') THEN
    RETURN NULL;
  END IF;
  PERFORM cue_webhook_enqueue(m."workspaceId", 'message.' || NEW.type, NEW.at,
    jsonb_build_object('messageId', m.id, 'channel', m.channel::text, 'status', m.status::text,
      'profileId', m."profileId", 'userId', m."userId", 'journeyId', m."journeyId",
      'runId', m."runId", 'nodeId', m."nodeId", 'templateId', m."templateId",
      'source', m.source, 'to', m."toAddress", 'subject', m.subject,
      'error', CASE WHEN NEW.type IN ('failed', 'bounced') THEN m.error END,
      'details', NEW.data));
  RETURN NULL;
END $$;

CREATE TRIGGER webhook_message_events AFTER INSERT ON message_events
FOR EACH ROW WHEN (NEW.type IN ('queued', 'sent', 'delivered', 'opened', 'clicked', 'bounced', 'complained', 'failed'))
EXECUTE FUNCTION cue_webhook_message_event();

-- Inbox actions: each stamp an inbox item gains (seen, read, clicked, archived).
CREATE FUNCTION cue_webhook_inbox_item() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  base jsonb;
  m record;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM webhook_endpoints WHERE "workspaceId" = NEW."workspaceId" AND enabled) THEN
    RETURN NULL;
  END IF;
  SELECT msg."journeyId", msg."runId", msg."nodeId", p."userId" INTO m
  FROM profiles p LEFT JOIN messages msg ON msg.id = NEW."messageId"
  WHERE p.id = NEW."profileId";
  base := jsonb_build_object('inboxItemId', NEW.id, 'messageId', NEW."messageId",
    'channel', 'in_app', 'profileId', NEW."profileId", 'userId', m."userId",
    'journeyId', m."journeyId", 'runId', m."runId", 'nodeId', m."nodeId",
    'kind', NEW.kind::text, 'title', NEW.title);
  IF OLD."seenAt" IS NULL AND NEW."seenAt" IS NOT NULL THEN
    PERFORM cue_webhook_enqueue(NEW."workspaceId", 'inbox.seen', NEW."seenAt", base);
  END IF;
  IF OLD."readAt" IS NULL AND NEW."readAt" IS NOT NULL THEN
    PERFORM cue_webhook_enqueue(NEW."workspaceId", 'inbox.read', NEW."readAt", base);
  END IF;
  IF OLD."clickedAt" IS NULL AND NEW."clickedAt" IS NOT NULL THEN
    PERFORM cue_webhook_enqueue(NEW."workspaceId", 'inbox.clicked', NEW."clickedAt",
      base || jsonb_build_object('url', NEW."ctaUrl"));
  END IF;
  IF OLD."archivedAt" IS NULL AND NEW."archivedAt" IS NOT NULL THEN
    PERFORM cue_webhook_enqueue(NEW."workspaceId", 'inbox.archived', NEW."archivedAt", base);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER webhook_inbox_items AFTER UPDATE ON inbox_items
FOR EACH ROW WHEN (
  (OLD."seenAt" IS NULL AND NEW."seenAt" IS NOT NULL) OR
  (OLD."readAt" IS NULL AND NEW."readAt" IS NOT NULL) OR
  (OLD."clickedAt" IS NULL AND NEW."clickedAt" IS NOT NULL) OR
  (OLD."archivedAt" IS NULL AND NEW."archivedAt" IS NOT NULL))
EXECUTE FUNCTION cue_webhook_inbox_item();

-- Journey runs: entered (a new run), converted (reached the goal, including a
-- late conversion of a completed run), exited (any end: completed, converted,
-- filtered, exited; data.status says which).
CREATE FUNCTION cue_webhook_journey_run() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  base jsonb;
  user_id text;
  was_ended boolean := TG_OP = 'UPDATE' AND OLD."endedAt" IS NOT NULL;
  was_converted boolean := TG_OP = 'UPDATE' AND OLD."convertedAt" IS NOT NULL;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM webhook_endpoints WHERE "workspaceId" = NEW."workspaceId" AND enabled) THEN
    RETURN NULL;
  END IF;
  SELECT "userId" INTO user_id FROM profiles WHERE id = NEW."profileId";
  base := jsonb_build_object('journeyId', NEW."journeyId", 'versionId', NEW."versionId",
    'runId', NEW.id, 'profileId', NEW."profileId", 'userId', user_id,
    'status', NEW.status, 'nodeId', NEW."nodeId", 'holdout', NEW.holdout,
    'enteredAt', to_char(NEW."enteredAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'));
  IF TG_OP = 'INSERT' THEN
    PERFORM cue_webhook_enqueue(NEW."workspaceId", 'journey.entered', NEW."enteredAt", base);
  END IF;
  IF NOT was_converted AND NEW."convertedAt" IS NOT NULL THEN
    PERFORM cue_webhook_enqueue(NEW."workspaceId", 'journey.converted', NEW."convertedAt", base);
  END IF;
  IF NOT was_ended AND NEW."endedAt" IS NOT NULL THEN
    PERFORM cue_webhook_enqueue(NEW."workspaceId", 'journey.exited', NEW."endedAt", base);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER webhook_journey_runs_insert AFTER INSERT ON journey_runs
FOR EACH ROW EXECUTE FUNCTION cue_webhook_journey_run();

CREATE TRIGGER webhook_journey_runs_update AFTER UPDATE ON journey_runs
FOR EACH ROW WHEN (
  (OLD."convertedAt" IS NULL AND NEW."convertedAt" IS NOT NULL) OR
  (OLD."endedAt" IS NULL AND NEW."endedAt" IS NOT NULL))
EXECUTE FUNCTION cue_webhook_journey_run();
