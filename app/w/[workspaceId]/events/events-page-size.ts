// Page sizes shared by the server's first render and the client's next pages.
export const EVENTS_PAGE_SIZE = 50;
export const REJECTED_PAGE_SIZE = 50;
