import { emailDeliveryTask } from "@/lib/channels/email/deliver-due-emails";
import { startWorker, type WorkerTask } from "./run-worker";

/** Every kind of due work this version knows about. The journey engine adds its own here. */
export function backgroundTasks(): WorkerTask[] {
  return [emailDeliveryTask()];
}

/**
 * Starts the worker loop in this process (npm start runs it next to the web
 * server; `npm run worker` runs it alone). Safe to run in many processes.
 */
export async function startBackgroundWork(
  log: (line: string) => void,
): Promise<{ stop(): Promise<void> }> {
  const worker = startWorker({ tasks: backgroundTasks(), log });
  await worker.ready;
  return worker;
}
