-- Secret API keys stored hashed, and a separate inbox signing secret.
--
-- Until now api_keys.key held every key in plain, and the inbox user_hash
-- and tokens were HMACs keyed by the secret key, so that key had to stay
-- readable. This migration:
--   1. gives every workspace an inbox signing secret equal to its current
--      (newest active) secret key, so every user_hash already deployed keeps
--      verifying. A workspace with no active secret key gets a random one,
--   2. stores the SHA-256 of every key (and a display prefix), then erases the
--      plain text of the secret keys: the keys themselves keep working, since
--      lookups now go through the hash,
--   3. holds secret keys unstored from then on with a CHECK constraint.

-- AlterTable
ALTER TABLE "api_keys" ADD COLUMN     "keyHash" TEXT,
ADD COLUMN     "name" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "prefix" TEXT,
ALTER COLUMN "key" DROP NOT NULL;

-- CreateTable
CREATE TABLE "inbox_signing_secrets" (
    "workspaceId" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "previousSecret" TEXT,
    "previousSecretExpiresAt" TIMESTAMP(3),
    "rotatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "inbox_signing_secrets_pkey" PRIMARY KEY ("workspaceId")
);

-- 1. The inbox signing secret: the secret key the inbox verified with until now.
INSERT INTO "inbox_signing_secrets" ("workspaceId", "secret", "rotatedAt")
SELECT DISTINCT ON ("workspaceId") "workspaceId", "key", now() AT TIME ZONE 'UTC'
FROM "api_keys"
WHERE "kind" = 'secret' AND "revokedAt" IS NULL
ORDER BY "workspaceId", "createdAt" DESC;

-- 244 random bits (two version-4 UUIDs), for workspaces that had no secret key.
INSERT INTO "inbox_signing_secrets" ("workspaceId", "secret", "rotatedAt")
SELECT w."id",
  'iss_' || replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''),
  now() AT TIME ZONE 'UTC'
FROM "workspaces" w
WHERE NOT EXISTS (SELECT 1 FROM "inbox_signing_secrets" s WHERE s."workspaceId" = w."id");

-- 2. Hash every key in place (the same bytes lib/workspaces/api-keys.ts hashes), then forget secret keys.
UPDATE "api_keys"
SET "keyHash" = encode(sha256(convert_to("key", 'UTF8')), 'hex'),
    "prefix" = left("key", 8);

UPDATE "api_keys" SET "key" = NULL WHERE "kind" = 'secret';

ALTER TABLE "api_keys" ALTER COLUMN "keyHash" SET NOT NULL,
ALTER COLUMN "prefix" SET NOT NULL;

-- 3. A secret key is never stored in plain again.
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_secret_key_not_stored"
  CHECK ("kind" = 'write' OR "key" IS NULL);

-- CreateIndex
CREATE UNIQUE INDEX "api_keys_keyHash_key" ON "api_keys"("keyHash");

-- AddForeignKey
ALTER TABLE "inbox_signing_secrets" ADD CONSTRAINT "inbox_signing_secrets_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;
