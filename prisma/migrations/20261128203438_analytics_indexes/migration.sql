-- CreateIndex
CREATE INDEX "profiles_workspaceId_unsubscribedAt_idx" ON "profiles"("workspaceId", "unsubscribedAt");

-- CreateIndex
CREATE INDEX "messages_journeyId_createdAt_idx" ON "messages"("journeyId", "createdAt");

-- CreateIndex
CREATE INDEX "journey_runs_journeyId_endedAt_idx" ON "journey_runs"("journeyId", "endedAt");

-- CreateIndex
CREATE INDEX "journey_runs_journeyId_convertedAt_idx" ON "journey_runs"("journeyId", "convertedAt");

-- CreateIndex
CREATE INDEX "journey_runs_workspaceId_enteredAt_idx" ON "journey_runs"("workspaceId", "enteredAt");

-- CreateIndex
CREATE INDEX "journey_runs_workspaceId_convertedAt_idx" ON "journey_runs"("workspaceId", "convertedAt");

-- CreateIndex
CREATE INDEX "run_traces_workspaceId_decision_at_idx" ON "run_traces"("workspaceId", "decision", "at");
