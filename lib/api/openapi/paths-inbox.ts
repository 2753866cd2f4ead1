import {
  bulkInboxBodySchema,
  INBOX_ACTIONS,
  inboxTokenBodySchema,
  listInboxQuerySchema,
  markAllInboxBodySchema,
  streamQuerySchema,
} from "@/lib/inbox/inbox-schemas";
import {
  INBOX_USER,
  json,
  jsonBody,
  type PathItem,
  pathParam,
  pick,
  queryParams,
  ref,
  SECRET_KEY,
} from "./openapi-helpers";

// The end user's inbox: called from the browser with the write key and the
// user's proof (user hash or inbox token), from the workspace's allowed
// origins only.

export const INBOX_SCHEMAS = {
  BulkInboxRequest: bulkInboxBodySchema,
  MarkAllInboxRequest: markAllInboxBodySchema,
  InboxTokenRequest: inboxTokenBodySchema,
};

const USER_ERRORS = pick("400", "401", "403", "422");
const tags = ["Inbox"];

export const inboxPaths: Record<string, PathItem> = {
  "/api/v1/inbox": {
    get: {
      operationId: "listInbox",
      tags,
      summary: "A page of the user's in-app feed, with unread/unseen counts",
      security: INBOX_USER,
      parameters: queryParams(listInboxQuerySchema, {
        cursor: "The next_cursor of the previous page.",
        kind: "One kind or several, comma-separated: `kind=banner,modal`.",
      }),
      responses: { "200": json(ref("InboxPage"), "Newest first"), ...USER_ERRORS },
    },
  },
  "/api/v1/inbox/stream": {
    get: {
      operationId: "streamInbox",
      tags,
      summary: "Server-Sent Events: new items and count changes",
      description:
        "Resumable: send `Last-Event-ID` (or `last_event_id`). EventSource cannot set headers, so pass the credentials as `write_key`, `user_id` and `user_hash` (or `token`) query parameters.",
      security: INBOX_USER,
      parameters: queryParams(streamQuerySchema),
      responses: {
        "200": {
          description: "An event stream",
          content: { "text/event-stream": { schema: { type: "string" } } },
        },
        ...USER_ERRORS,
      },
    },
  },
  "/api/v1/inbox/{id}/{action}": {
    post: {
      operationId: "updateInboxItem",
      tags,
      summary: "Change one item's state",
      security: INBOX_USER,
      parameters: [
        pathParam("id", "The item id"),
        {
          name: "action",
          in: "path",
          required: true,
          schema: { type: "string", enum: [...INBOX_ACTIONS] },
        },
      ],
      responses: {
        "200": json(ref("InboxItemResult"), "The item and the new counts"),
        ...USER_ERRORS,
        ...pick("404"),
      },
    },
  },
  "/api/v1/inbox/bulk": {
    post: {
      operationId: "bulkUpdateInbox",
      tags,
      summary: "Apply one action to several of the user's items",
      security: INBOX_USER,
      requestBody: jsonBody(ref("BulkInboxRequest"), { ids: ["itm_1", "itm_2"], action: "read" }),
      responses: {
        "200": json(ref("InboxBulkResult"), "Ids not the user's are listed in not_found"),
        ...USER_ERRORS,
      },
    },
  },
  "/api/v1/inbox/mark-all": {
    post: {
      operationId: "markAllInbox",
      tags,
      summary: "Mark every visible item seen, read or archived",
      security: INBOX_USER,
      requestBody: jsonBody(ref("MarkAllInboxRequest"), { action: "read", kind: ["card"] }),
      responses: { "200": json(ref("InboxMarkAllResult"), "How many changed"), ...USER_ERRORS },
    },
  },
  "/api/v1/inbox/token": {
    post: {
      operationId: "issueInboxToken",
      tags,
      summary: "Issue a short-lived inbox token for one user (server side)",
      description:
        "Your server calls this with the secret key and hands the token to the user's browser, instead of computing a user hash. Tokens are signed with the inbox signing secret and stay valid through its rotation's grace period.",
      security: SECRET_KEY,
      requestBody: jsonBody(ref("InboxTokenRequest"), { user_id: "user_123", ttl_seconds: 3600 }),
      responses: {
        "200": json(ref("InboxToken"), "The token"),
        ...pick("400", "401", "422"),
      },
    },
  },
};
