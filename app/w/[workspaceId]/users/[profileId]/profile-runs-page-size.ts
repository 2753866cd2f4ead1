/** Runs per page on the profile's Journeys tab (server's first page and the client's next ones). */
export const PROFILE_RUNS_PAGE_SIZE = 20;
