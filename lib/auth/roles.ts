import type { Role } from "@/lib/generated/prisma/enums";

// Roles are ordered; a requirement of "editor" admits editors, admins, owners.
const RANK: Record<Role, number> = { viewer: 0, editor: 1, admin: 2, owner: 3 };

export const ROLES: readonly Role[] = ["owner", "admin", "editor", "viewer"];

export function hasRole(actual: Role, required: Role): boolean {
  return RANK[actual] >= RANK[required];
}

export const ROLE_LABEL: Record<Role, string> = {
  owner: "Owner",
  admin: "Admin",
  editor: "Editor",
  viewer: "Viewer",
};
