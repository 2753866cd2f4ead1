import { z } from "zod";

// Shared by the /setup form (browser) and POST /api/setup (server).
export const workspaceNameSchema = z
  .string()
  .trim()
  .min(1, "Give the workspace a name.")
  .max(80, "Keep the name under 80 characters.");

export const setupSchema = z.object({
  name: z.string().trim().max(80).optional(),
  email: z.string().trim().toLowerCase().email("Enter a valid email address."),
  password: z.string().min(8, "Use at least 8 characters.").max(200),
  workspaceName: workspaceNameSchema,
});
export type SetupInput = z.infer<typeof setupSchema>;

// Shared by the shell's "New workspace" form and POST /api/workspaces.
export const createWorkspaceSchema = z.object({ name: workspaceNameSchema });
