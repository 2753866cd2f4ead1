/** The worker task name; the database triggers NOTIFY `cue_wake` with it. */
export const WEBHOOKS_TASK = "webhooks";
