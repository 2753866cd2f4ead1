import { readFileSync, writeFileSync } from "node:fs";

// What the setup project learned (the owner's workspace), for later projects.
export const OWNER = {
  email: "owner@e2e.test",
  password: "owner-password-1",
  workspaceName: "E2E Co",
};

const STATE_FILE = "e2e/.auth/state.json";

export interface E2EState {
  workspaceId: string;
}

export function saveState(state: E2EState): void {
  writeFileSync(STATE_FILE, JSON.stringify(state));
}

export function loadState(): E2EState {
  return JSON.parse(readFileSync(STATE_FILE, "utf8")) as E2EState;
}
