-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "MessageStatus" ADD VALUE 'seen';
ALTER TYPE "MessageStatus" ADD VALUE 'read';
ALTER TYPE "MessageStatus" ADD VALUE 'archived';

-- AlterTable
ALTER TABLE "workspaces" ADD COLUMN     "emailRatePerSecond" DOUBLE PRECISION NOT NULL DEFAULT 2;

-- AlterTable
ALTER TABLE "messages" ADD COLUMN     "firstAttemptAt" TIMESTAMP(3),
ADD COLUMN     "keyGeneration" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "leaseId" TEXT,
ADD COLUMN     "rateLimited" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "email_pacers" (
    "workspaceId" TEXT NOT NULL,
    "nextSlotAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "email_pacers_pkey" PRIMARY KEY ("workspaceId")
);
