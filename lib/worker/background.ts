import { backtestTask } from "@/lib/backtests/backtest-task";
import { emailDeliveryTask } from "@/lib/channels/email/deliver-due-emails";
import { engineTasks } from "@/lib/engine/engine-tasks";
import { listenForEngineEvents } from "@/lib/engine/listen-engine-events";
import { eventMaintenanceTask } from "@/lib/events/event-maintenance-task";
import { segmentTasks } from "@/lib/segments/segment-tasks";
import { stepWebhookTask } from "@/lib/webhooks/deliver-step-webhooks";
import { webhookDeliveryTask } from "@/lib/webhooks/deliver-webhooks";
import { startWorker, type WorkerTask } from "./run-worker";

/** Every kind of due work: email delivery, the journey engine (events, timers, inactivity), backtests, webhooks, events' partitions and retention. */
export function backgroundTasks(log?: (line: string) => void): WorkerTask[] {
  return [
    emailDeliveryTask(),
    ...engineTasks({ log }),
    backtestTask({ log }),
    webhookDeliveryTask(),
    stepWebhookTask({ log }),
    ...segmentTasks(),
    eventMaintenanceTask({ log }),
  ];
}

/**
 * Starts the worker loop in this process (npm start runs it next to the web
 * server; `npm run worker` runs it alone). Safe to run in many processes.
 * The engine also LISTENs to `cue_events`, so events are evaluated the
 * moment ingestion commits them rather than at the next poll.
 */
export async function startBackgroundWork(
  log: (line: string) => void,
): Promise<{ stop(): Promise<void> }> {
  const worker = startWorker({ tasks: backgroundTasks(log), log });
  const events = listenForEngineEvents({ log });
  await Promise.all([worker.ready, events.ready]);
  return {
    async stop() {
      await events.stop();
      await worker.stop();
    },
  };
}
