-- A workspace's activation setting: the event names that mean "activated" and the
-- window in days after first seen (home page). The queries use the existing
-- indexes profiles (workspaceId, firstSeenAt) and events (workspaceId, name, timestamp).

-- AlterTable
ALTER TABLE "workspaces" ADD COLUMN     "activation" JSONB;
