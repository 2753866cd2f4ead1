// POST /api/v1/group – record a user's membership of a group (account, team)
import { webRoutes } from "@/lib/http/web-routes";

export const { POST, OPTIONS } = webRoutes("/api/v1/group");
