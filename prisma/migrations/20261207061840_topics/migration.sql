-- CreateTable
CREATE TABLE "topics" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "unsubscribable" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "topics_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "topic_preference_changes" (
    "id" BIGSERIAL NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "profileId" UUID NOT NULL,
    "topicId" TEXT NOT NULL,
    "channel" "Channel" NOT NULL,
    "subscribed" BOOLEAN NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "source" TEXT NOT NULL,

    CONSTRAINT "topic_preference_changes_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "topics_workspaceId_key_key" ON "topics"("workspaceId", "key");

-- CreateIndex
CREATE INDEX "topic_preference_changes_workspaceId_profileId_topicId_chan_idx" ON "topic_preference_changes"("workspaceId", "profileId", "topicId", "channel", "at");

-- AddForeignKey
ALTER TABLE "topic_preference_changes" ADD CONSTRAINT "topic_preference_changes_profileId_fkey" FOREIGN KEY ("profileId") REFERENCES "profiles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "topic_preference_changes" ADD CONSTRAINT "topic_preference_changes_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "topics"("id") ON DELETE CASCADE ON UPDATE CASCADE;
