import { StartupError } from "@/lib/startup-error";

/**
 * ADMIN_EMAIL / ADMIN_PASSWORD create the owner and first workspace without
 * the /setup page (CI, containers). Only when no member exists yet.
 */
export async function seedAdminFromEnv(
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
): Promise<void> {
  if (!env.ADMIN_EMAIL && !env.ADMIN_PASSWORD) return;
  // Imported here: most starts set neither variable and need none of this.
  const [{ isSetupNeeded, setupOwner }, { setupSchema }] = await Promise.all([
    import("@/lib/workspaces/setup-owner"),
    import("@/lib/workspaces/setup-schema"),
  ]);
  if (!(await isSetupNeeded())) return;
  const parsed = setupSchema.safeParse({
    email: env.ADMIN_EMAIL,
    password: env.ADMIN_PASSWORD,
    workspaceName: env.ADMIN_WORKSPACE_NAME ?? "My workspace",
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new StartupError(
      `ADMIN_EMAIL/ADMIN_PASSWORD rejected: ${String(issue?.path[0])}: ${issue?.message}`,
    );
  }
  await setupOwner(parsed.data);
  log(`Created the owner ${parsed.data.email} from ADMIN_EMAIL.`);
}
