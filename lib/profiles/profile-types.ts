import type { getProfile } from "./get-profile";
import type { listProfileEvents } from "./list-profile-events";
import type { Jsonify } from "./to-json";

// Wire shapes of the admin profile APIs, importable by client components
// (type-only: nothing server-side reaches the browser bundle).
export type ProfileDetail = Jsonify<Awaited<ReturnType<typeof getProfile>>>;
export type ProfileEventsPage = Jsonify<Awaited<ReturnType<typeof listProfileEvents>>>;
export type ProfileEvent = ProfileEventsPage["events"][number];

/** Events per page of the admin timeline (first page server-rendered, more on scroll). */
export const PROFILE_EVENTS_PAGE_SIZE = 30;
