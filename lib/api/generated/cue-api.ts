// Generated from the OpenAPI document by `npm run api:types` (openapi-typescript). Do not edit.
export interface paths {
    "/api/v1/alias": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Link a previous id to a userId
         * @description Segment/RudderStack compatible. The same call is also answered at `/v1/<call>` and at the one-letter paths `/v1/t`, `/v1/i`, `/v1/p`, `/v1/s`, `/v1/g`, `/v1/a`, `/v1/b` that Segment's analytics-next uses; browsers may send `text/plain` and gzip bodies. Any origin may call it (CORS).
         */
        post: operations["alias"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send several calls at once
         * @description Segment/RudderStack compatible. The same call is also answered at `/v1/<call>` and at the one-letter paths `/v1/t`, `/v1/i`, `/v1/p`, `/v1/s`, `/v1/g`, `/v1/a`, `/v1/b` that Segment's analytics-next uses; browsers may send `text/plain` and gzip bodies. Any origin may call it (CORS). Each item carries its `type`.
         */
        post: operations["batch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/delivery-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The workspace's delivery rules
         * @description The frequency budget across channels and quiet hours (in each profile's timezone), applied to every journey send; transactional email ignores them. `isDefault` is true until the workspace sets its own.
         */
        get: operations["getDeliveryRules"];
        /**
         * Replace the delivery rules
         * @description `{ rules: {...} }` replaces them; `{ rules: {} }` means no rules; `{ rules: null }` goes back to the default.
         */
        put: operations["putDeliveryRules"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/group": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a user's membership of a group
         * @description Segment/RudderStack compatible. The same call is also answered at `/v1/<call>` and at the one-letter paths `/v1/t`, `/v1/i`, `/v1/p`, `/v1/s`, `/v1/g`, `/v1/a`, `/v1/b` that Segment's analytics-next uses; browsers may send `text/plain` and gzip bodies. Any origin may call it (CORS).
         */
        post: operations["group"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/identify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record who a user is and their traits
         * @description Segment/RudderStack compatible. The same call is also answered at `/v1/<call>` and at the one-letter paths `/v1/t`, `/v1/i`, `/v1/p`, `/v1/s`, `/v1/g`, `/v1/a`, `/v1/b` that Segment's analytics-next uses; browsers may send `text/plain` and gzip bodies. Any origin may call it (CORS).
         */
        post: operations["identify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A page of the user's in-app feed, with unread/unseen counts */
        get: operations["listInbox"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inbox/{id}/{action}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change one item's state */
        post: operations["updateInboxItem"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inbox/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Apply one action to several of the user's items */
        post: operations["bulkUpdateInbox"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inbox/mark-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark every visible item seen, read or archived */
        post: operations["markAllInbox"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inbox/preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user's topic preferences (cue.js's preferences view) */
        get: operations["getInboxPreferences"];
        /**
         * Change the signed-in user's topic preferences
         * @description Each change names a topic by key and a channel (`email` or `in_app`). A profile that never chose is subscribed. An unknown topic, or an opt-out of a topic that is not unsubscribable, is a 422 naming the entry (`preferences.0.topic`); nothing is written then. Every change is kept with its time, so journeys, backtests and "why not?" read the value as of each decision. A user the app has not identified yet has no profile: 404.
         */
        put: operations["setInboxPreferences"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inbox/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Server-Sent Events: new items and count changes
         * @description Resumable: send `Last-Event-ID` (or `last_event_id`). EventSource cannot set headers, so pass the credentials as `write_key`, `user_id` and `user_hash` (or `token`) query parameters.
         */
        get: operations["streamInbox"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inbox/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Issue a short-lived inbox token for one user (server side)
         * @description Your server calls this with the secret key and hands the token to the user's browser, instead of computing a user hash. Tokens are signed with the inbox signing secret and stay valid through its rotation's grace period.
         */
        post: operations["issueInboxToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/journey-templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the shipped journey templates
         * @description Each template's `journey` can be posted to /api/v1/journeys as is.
         */
        get: operations["listJourneyTemplates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/journeys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List journeys */
        get: operations["listJourneys"];
        put?: never;
        /**
         * Create a draft journey
         * @description From a definition (`{ name, definition }`) or a template (`{ template, name? }`). Nothing goes live until it is published; `issues` lists what would block publishing.
         */
        post: operations["createJourney"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/journeys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a journey */
        get: operations["getJourney"];
        /**
         * Save the draft
         * @description Send the `draftRevision` you edited. If someone saved since, the answer is 409 with `details.currentRevision`. Published versions and runs in flight are not affected. PUT does the same as PATCH.
         */
        put: operations["replaceJourneyDraft"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Save the draft
         * @description Send the `draftRevision` you edited. If someone saved since, the answer is 409 with `details.currentRevision`. Published versions and runs in flight are not affected. PUT does the same as PATCH.
         */
        patch: operations["updateJourneyDraft"];
        trace?: never;
    };
    "/api/v1/journeys/{id}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Archive a journey (final)
         * @description No more entries; every run in flight is cancelled and its trace says so. The answer's `journey.cancelledRuns` counts them.
         */
        post: operations["archiveJourney"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/journeys/{id}/duplicate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Duplicate a journey
         * @description Creates a new draft named “<name> (copy)” holding the journey's draft. Versions and runs are not copied.
         */
        post: operations["duplicateJourney"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/journeys/{id}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pause a live journey
         * @description Triggers (tracked events and trait changes) that happen while paused never enter, however late Cue sees them. Runs in flight hold and send nothing; on resume they catch up in the order things happened. Decided by event time against the journey's status history: a trait change is the identify that made the traits match, and a trigger that happened while the journey was live still enters (held until the resume). A goal reached or a wait's event during the pause still counts on resume.
         */
        post: operations["pauseJourney"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/journeys/{id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Publish the draft
         * @description Freezes the draft as the next immutable version. A draft goes live; a live journey switches new entries to the new version while runs in flight stay on theirs; a paused journey stays paused. Every validation issue blocks (422, `details.issues`).
         */
        post: operations["publishJourney"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/journeys/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resume a paused journey
         * @description Triggers from now on enter. Runs in flight catch up in the order things happened, each event at its own time; timers that came due during the pause fire now. Identifying the same traits again after the resume is no trait change.
         */
        post: operations["resumeJourney"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/journeys/{id}/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a journey's runs */
        get: operations["listJourneyRuns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/journeys/{id}/validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Validate the saved draft */
        post: operations["validateJourney"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/journeys/validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Validate a definition without saving it */
        post: operations["validateDefinition"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a template or inline content to a profile
         * @description Idempotent on `idempotencyKey`: the same key answers the first message and sends nothing. Give `templateId` or inline `content`, not both. In-app content lands in the user's inbox (GET /api/v1/inbox); email goes through the workspace's provider. Content whose `topic` the recipient opted out of on its channel is not sent: the answer is still 202, with `status: "skipped"` and the reason in `error` (`Opted out of topic "Product tips" for email (since …)`), and the message is kept as skipped; a topic marked not unsubscribable (transactional) always sends. Marketing email to a profile that unsubscribed from all, with no address, or to a suppressed address is skipped the same way.
         */
        post: operations["sendMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/messages/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What became of a message
         * @description The message's status now, when each step first happened (`lifecycle`), the provider's id, the last error, what was rendered and every step of its timeline (`events`). Use the `messageId` that POST /api/v1/messages answered, or one from a webhook or a list. Another workspace's message is a 404.
         */
        get: operations["getMessage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/page": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a web page view
         * @description Segment/RudderStack compatible. The same call is also answered at `/v1/<call>` and at the one-letter paths `/v1/t`, `/v1/i`, `/v1/p`, `/v1/s`, `/v1/g`, `/v1/a`, `/v1/b` that Segment's analytics-next uses; browsers may send `text/plain` and gzip bodies. Any origin may call it (CORS).
         */
        post: operations["page"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/profiles/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a profile */
        get: operations["getProfile"];
        put?: never;
        post?: never;
        /** Erase a profile and its events (GDPR) */
        delete: operations["eraseProfile"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/profiles/{userId}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A profile's events, newest first */
        get: operations["listProfileEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/profiles/{userId}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A profile's messages, newest first
         * @description Every message sent (or skipped) to this profile, email and in-app, each with its status and lifecycle times, newest first. Keyset pagination: pass `nextCursor` as `cursor` until it is null; pages never skip or repeat while new messages arrive. A bad `limit`, `cursor`, `channel` or `status` is a 422 naming it.
         */
        get: operations["listProfileMessages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/profiles/{userId}/preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A profile's topic preferences */
        get: operations["getProfilePreferences"];
        /**
         * Change a profile's topic preferences
         * @description Each change names a topic by key and a channel (`email` or `in_app`). A profile that never chose is subscribed. An unknown topic, or an opt-out of a topic that is not unsubscribable, is a 422 naming the entry (`preferences.0.topic`); nothing is written then. Every change is kept with its time, so journeys, backtests and "why not?" read the value as of each decision.
         */
        put: operations["setProfilePreferences"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/profiles/{userId}/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A profile's journey runs with their traces
         * @description Each run of this profile, newest entry first, with its trace (every step the engine took, with its time, decision and reason) and the messages it sent: the answer to “why did (or didn't) this user get it”. Pass `nextCursor` as `cursor` for older runs.
         */
        get: operations["listProfileRuns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/screen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a mobile screen view
         * @description Segment/RudderStack compatible. The same call is also answered at `/v1/<call>` and at the one-letter paths `/v1/t`, `/v1/i`, `/v1/p`, `/v1/s`, `/v1/g`, `/v1/a`, `/v1/b` that Segment's analytics-next uses; browsers may send `text/plain` and gzip bodies. Any origin may call it (CORS).
         */
        post: operations["screen"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/segments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List segments with their size now */
        get: operations["listSegments"];
        put?: never;
        /** Create a segment (computed in the background, then kept live) */
        post: operations["createSegment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/segments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a segment */
        get: operations["getSegment"];
        put?: never;
        post?: never;
        /** Delete a segment, its members and history */
        delete: operations["deleteSegment"];
        options?: never;
        head?: never;
        /** Rename, describe, or change the condition (recomputed) */
        patch: operations["updateSegment"];
        trace?: never;
    };
    "/api/v1/segments/{id}/explain": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Why a profile is or isn't in the segment, condition by condition */
        get: operations["explainSegmentMembership"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/segments/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Size at the end of each day, with the day's entries and exits */
        get: operations["getSegmentSizeHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/segments/{id}/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A manual segment's members from a CSV of userIds or emails */
        post: operations["importSegmentMembers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/segments/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Members now, searchable by userId or email, paged */
        get: operations["listSegmentMembers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/segments/{id}/members/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every member as CSV (profileId, userId, email, enteredAt) */
        get: operations["exportSegmentMembers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/settings/activation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What counts as activation
         * @description The event names that mean a profile is activated (any one of them) and the window in days after the profile is first seen. The home page shows the activation rate by signup cohort and, for each journey with a holdout, the activated share of messaged profiles against the holdout. `activation` is null until the workspace sets it.
         */
        get: operations["getActivation"];
        /**
         * Set what counts as activation
         * @description `{ activation: { events, windowDays } }` replaces it (1–10 distinct event names, 1–90 days); `{ activation: null }` clears it. A bad field is a 422 naming it (`activation.windowDays`, `activation.events.0`). Event names never received are accepted: the events may not have arrived yet.
         */
        put: operations["putActivation"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/settings/allowed-origins": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Browser origins allowed to call the inbox API
         * @description The inbox API answers CORS requests only from these origins.
         */
        get: operations["getAllowedOrigins"];
        /**
         * Replace the allowed origins
         * @description Each `scheme://host[:port]` (http or https, no path); stored as browsers send them (lowercase, default port left out). At most 50.
         */
        put: operations["putAllowedOrigins"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/settings/email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Email sender settings
         * @description From, Reply-to, the send rate and whether a Resend key is set. The key itself is never returned: only where it comes from and its last characters.
         */
        get: operations["getEmailSettings"];
        /**
         * Change email sender settings
         * @description Changes only the fields sent; an omitted field keeps its value, `""` or null clears it. `resendApiKey` is write-only.
         */
        put: operations["putEmailSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List message templates
         * @description Most recently changed first (at most 500).
         */
        get: operations["listTemplates"];
        put?: never;
        /**
         * Create a message template
         * @description `content` is the same as in POST /api/v1/messages: `{ channel: 'email', email: { subject, body, preheader?, bodyFormat?, transactional? } }` or `{ channel: 'in_app', inApp: { kind, title, body?, imageUrl?, ctaLabel?, ctaUrl?, selector?, pathPattern?, expiresInHours? } }`, text fields in Liquid. A Liquid syntax error is a 422 naming the field, with line and column. Send it with POST /api/v1/messages `{ userId, templateId, idempotencyKey }` or from a journey's send step.
         */
        post: operations["createTemplate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/templates/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a message template
         * @description Another workspace's template is a 404.
         */
        get: operations["getTemplate"];
        /**
         * Replace a template's name and content
         * @description The whole template, as on create. `content` is the same as in POST /api/v1/messages: `{ channel: 'email', email: { subject, body, preheader?, bodyFormat?, transactional? } }` or `{ channel: 'in_app', inApp: { kind, title, body?, imageUrl?, ctaLabel?, ctaUrl?, selector?, pathPattern?, expiresInHours? } }`, text fields in Liquid. A Liquid syntax error is a 422 naming the field, with line and column.
         */
        put: operations["updateTemplate"];
        post?: never;
        /**
         * Delete a message template
         * @description Messages already sent from it keep their rendered content.
         */
        delete: operations["deleteTemplate"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/topics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List subscription topics */
        get: operations["listTopics"];
        put?: never;
        /**
         * Create a subscription topic
         * @description Send steps and templates name a topic by its `key` (`content.email.topic`, `content.inApp.topic`). `unsubscribable: false` marks a transactional topic that opt-outs do not apply to. `trait` maps an identify trait to the topic's preference: each identify carrying `trait.key` as `true`/`false` (or the strings) records a change at the identify's time, `true` meaning `trait.whenTrue` (`subscribed` by default) on `trait.channel` (null: every channel). A key already in use is a 409.
         */
        post: operations["createTopic"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/topics/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One subscription topic */
        get: operations["getTopic"];
        put?: never;
        post?: never;
        /**
         * Delete a topic and its preferences
         * @description Sends that still name it go out as if they had no topic.
         */
        delete: operations["deleteTopic"];
        options?: never;
        head?: never;
        /**
         * Change a topic's name, description, unsubscribable flag or trait
         * @description The key never changes: send steps refer to it. `trait: null` removes the trait mapping; preferences it set stay.
         */
        patch: operations["updateTopic"];
        trace?: never;
    };
    "/api/v1/track": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a user action
         * @description Segment/RudderStack compatible. The same call is also answered at `/v1/<call>` and at the one-letter paths `/v1/t`, `/v1/i`, `/v1/p`, `/v1/s`, `/v1/g`, `/v1/a`, `/v1/b` that Segment's analytics-next uses; browsers may send `text/plain` and gzip bodies. Any origin may call it (CORS).
         */
        post: operations["track"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List webhook endpoints */
        get: operations["listWebhooks"];
        put?: never;
        /** Create a webhook endpoint; its signing secret is returned once */
        post: operations["createWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a webhook endpoint */
        get: operations["getWebhook"];
        put?: never;
        post?: never;
        /** Delete a webhook endpoint */
        delete: operations["deleteWebhook"];
        options?: never;
        head?: never;
        /** Edit url, description, eventTypes or enabled */
        patch: operations["updateWebhook"];
        trace?: never;
    };
    "/api/v1/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The endpoint's delivery log with every attempt, newest first */
        get: operations["listWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}/deliveries/{deliveryId}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a delivery again now */
        post: operations["replayWebhookDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A new signing secret, returned once; the old one also signs for 24 h */
        post: operations["rotateWebhookSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Queue a signed `webhook.test` event for this endpoint */
        post: operations["testWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspace": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The secret key's workspace
         * @description Id, name, creation time and the settings that change what the workspace sends: allowed origins, delivery rules and email settings. Never a key: the Resend key shows only its last characters.
         */
        get: operations["getWorkspace"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sourceConfig": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The source configuration RudderStack's JavaScript SDK loads from its configUrl
         * @description Also at `/v1/sourceConfig` (and with a trailing slash). The write key comes as the `writeKey` query parameter or as the Basic username. An enabled source with no device-mode destinations, so the SDK sends every call to `<dataPlaneUrl>/v1/<call>`.
         */
        get: operations["getRudderSourceConfig"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects/{writeKey}/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The settings document Segment's analytics-next loads from its cdnURL
         * @description With `cdnURL` set to Cue's URL, `AnalyticsBrowser.load({ writeKey, cdnURL })` fetches this document, which points the library's Segment.io destination back at Cue (`apiHost` = Cue's host + `/v1`) and enables nothing else. The write key is in the path.
         */
        get: operations["getSegmentSettings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Activation: {
            activation: {
                /**
                 * @description Event names that mean a profile is activated (any one of them counts).
                 * @example [
                 *       "Report Created"
                 *     ]
                 */
                events: string[];
                /** @description Days after a profile is first seen in which it must activate. */
                windowDays: number;
            } | null;
        };
        ActivationView: {
            /** @description The workspace's activation setting; null until it sets one. */
            activation: {
                /**
                 * @description Event names that mean a profile is activated (any one of them counts).
                 * @example [
                 *       "Report Created"
                 *     ]
                 */
                events: string[];
                /** @description Days after a profile is first seen in which it must activate. */
                windowDays: number;
            } | null;
        };
        AliasCall: {
            anonymousId?: (string | number) | null;
            context?: {
                [key: string]: unknown;
            } | null;
            integrations?: {
                [key: string]: unknown;
            } | null;
            messageId?: (string | number) | null;
            originalTimestamp?: string;
            previousId: string | number;
            sentAt?: string;
            /** @description When it happened (ISO 8601). Corrected for client clock skew with sentAt. */
            timestamp?: string;
            userId: string | number;
        };
        AllowedOrigins: {
            origins: string[];
        };
        AllowedOriginsView: {
            origins: string[];
        };
        BatchRequest: {
            /** @description Up to 500 KB of calls; each is accepted or rejected on its own. */
            batch: ({
                anonymousId?: (string | number) | null;
                context?: {
                    [key: string]: unknown;
                } | null;
                event: string;
                integrations?: {
                    [key: string]: unknown;
                } | null;
                messageId?: (string | number) | null;
                originalTimestamp?: string;
                properties?: {
                    [key: string]: unknown;
                } | null;
                sentAt?: string;
                /** @description When it happened (ISO 8601). Corrected for client clock skew with sentAt. */
                timestamp?: string;
                /** @constant */
                type: "track";
                userId?: (string | number) | null;
            } | {
                anonymousId?: (string | number) | null;
                context?: {
                    [key: string]: unknown;
                } | null;
                integrations?: {
                    [key: string]: unknown;
                } | null;
                messageId?: (string | number) | null;
                originalTimestamp?: string;
                sentAt?: string;
                /** @description When it happened (ISO 8601). Corrected for client clock skew with sentAt. */
                timestamp?: string;
                traits?: {
                    [key: string]: unknown;
                } | null;
                /** @constant */
                type: "identify";
                userId?: (string | number) | null;
            } | {
                anonymousId?: (string | number) | null;
                context?: {
                    [key: string]: unknown;
                } | null;
                integrations?: {
                    [key: string]: unknown;
                } | null;
                messageId?: (string | number) | null;
                name?: string | null;
                originalTimestamp?: string;
                properties?: {
                    [key: string]: unknown;
                } | null;
                sentAt?: string;
                /** @description When it happened (ISO 8601). Corrected for client clock skew with sentAt. */
                timestamp?: string;
                /** @constant */
                type: "page";
                userId?: (string | number) | null;
            } | {
                anonymousId?: (string | number) | null;
                context?: {
                    [key: string]: unknown;
                } | null;
                integrations?: {
                    [key: string]: unknown;
                } | null;
                messageId?: (string | number) | null;
                name?: string | null;
                originalTimestamp?: string;
                properties?: {
                    [key: string]: unknown;
                } | null;
                sentAt?: string;
                /** @description When it happened (ISO 8601). Corrected for client clock skew with sentAt. */
                timestamp?: string;
                /** @constant */
                type: "screen";
                userId?: (string | number) | null;
            } | {
                anonymousId?: (string | number) | null;
                context?: {
                    [key: string]: unknown;
                } | null;
                groupId: string | number;
                integrations?: {
                    [key: string]: unknown;
                } | null;
                messageId?: (string | number) | null;
                originalTimestamp?: string;
                sentAt?: string;
                /** @description When it happened (ISO 8601). Corrected for client clock skew with sentAt. */
                timestamp?: string;
                traits?: {
                    [key: string]: unknown;
                } | null;
                /** @constant */
                type: "group";
                userId?: (string | number) | null;
            } | {
                anonymousId?: (string | number) | null;
                context?: {
                    [key: string]: unknown;
                } | null;
                integrations?: {
                    [key: string]: unknown;
                } | null;
                messageId?: (string | number) | null;
                originalTimestamp?: string;
                previousId: string | number;
                sentAt?: string;
                /** @description When it happened (ISO 8601). Corrected for client clock skew with sentAt. */
                timestamp?: string;
                /** @constant */
                type: "alias";
                userId: string | number;
            })[];
            sentAt?: string;
            writeKey?: string;
        };
        BulkInboxRequest: {
            /** @enum {string} */
            action: "seen" | "read" | "unread" | "clicked" | "archived" | "unarchived";
            ids: string[];
        };
        ConditionGroup: {
            all: (({
                /** @constant */
                kind: "property";
                /** @enum {string} */
                operator: "eq" | "neq" | "gt" | "gte" | "lt" | "lte" | "contains" | "not_contains" | "starts_with" | "ends_with" | "in" | "not_in" | "exists" | "not_exists" | "is_true" | "is_false" | "before" | "after";
                path: string;
                value?: (string | number | boolean | null) | (string | number | boolean | null)[];
            } | {
                /** @constant */
                kind: "trait";
                /** @enum {string} */
                operator: "eq" | "neq" | "gt" | "gte" | "lt" | "lte" | "contains" | "not_contains" | "starts_with" | "ends_with" | "in" | "not_in" | "exists" | "not_exists" | "is_true" | "is_false" | "before" | "after";
                path: string;
                value?: (string | number | boolean | null) | (string | number | boolean | null)[];
            } | {
                /** @constant */
                kind: "first_seen_within";
                negate?: boolean;
                within: {
                    amount: number;
                    /** @enum {string} */
                    unit: "minutes" | "hours" | "days" | "weeks";
                };
            } | {
                event: string;
                /** @constant */
                kind: "has_done";
                negate?: boolean;
                where?: {
                    /** @constant */
                    kind: "property";
                    /** @enum {string} */
                    operator: "eq" | "neq" | "gt" | "gte" | "lt" | "lte" | "contains" | "not_contains" | "starts_with" | "ends_with" | "in" | "not_in" | "exists" | "not_exists" | "is_true" | "is_false" | "before" | "after";
                    path: string;
                    value?: (string | number | boolean | null) | (string | number | boolean | null)[];
                }[];
                within?: {
                    amount: number;
                    /** @enum {string} */
                    unit: "minutes" | "hours" | "days" | "weeks";
                };
            } | {
                atLeast: number;
                event: string;
                /** @constant */
                kind: "done_count";
                where?: {
                    /** @constant */
                    kind: "property";
                    /** @enum {string} */
                    operator: "eq" | "neq" | "gt" | "gte" | "lt" | "lte" | "contains" | "not_contains" | "starts_with" | "ends_with" | "in" | "not_in" | "exists" | "not_exists" | "is_true" | "is_false" | "before" | "after";
                    path: string;
                    value?: (string | number | boolean | null) | (string | number | boolean | null)[];
                }[];
                within: {
                    amount: number;
                    /** @enum {string} */
                    unit: "minutes" | "hours" | "days" | "weeks";
                };
            } | {
                /** @constant */
                kind: "in_segment";
                negate?: boolean;
                segmentId: string;
            }) | components["schemas"]["ConditionGroup"])[];
        } | {
            any: (({
                /** @constant */
                kind: "property";
                /** @enum {string} */
                operator: "eq" | "neq" | "gt" | "gte" | "lt" | "lte" | "contains" | "not_contains" | "starts_with" | "ends_with" | "in" | "not_in" | "exists" | "not_exists" | "is_true" | "is_false" | "before" | "after";
                path: string;
                value?: (string | number | boolean | null) | (string | number | boolean | null)[];
            } | {
                /** @constant */
                kind: "trait";
                /** @enum {string} */
                operator: "eq" | "neq" | "gt" | "gte" | "lt" | "lte" | "contains" | "not_contains" | "starts_with" | "ends_with" | "in" | "not_in" | "exists" | "not_exists" | "is_true" | "is_false" | "before" | "after";
                path: string;
                value?: (string | number | boolean | null) | (string | number | boolean | null)[];
            } | {
                /** @constant */
                kind: "first_seen_within";
                negate?: boolean;
                within: {
                    amount: number;
                    /** @enum {string} */
                    unit: "minutes" | "hours" | "days" | "weeks";
                };
            } | {
                event: string;
                /** @constant */
                kind: "has_done";
                negate?: boolean;
                where?: {
                    /** @constant */
                    kind: "property";
                    /** @enum {string} */
                    operator: "eq" | "neq" | "gt" | "gte" | "lt" | "lte" | "contains" | "not_contains" | "starts_with" | "ends_with" | "in" | "not_in" | "exists" | "not_exists" | "is_true" | "is_false" | "before" | "after";
                    path: string;
                    value?: (string | number | boolean | null) | (string | number | boolean | null)[];
                }[];
                within?: {
                    amount: number;
                    /** @enum {string} */
                    unit: "minutes" | "hours" | "days" | "weeks";
                };
            } | {
                atLeast: number;
                event: string;
                /** @constant */
                kind: "done_count";
                where?: {
                    /** @constant */
                    kind: "property";
                    /** @enum {string} */
                    operator: "eq" | "neq" | "gt" | "gte" | "lt" | "lte" | "contains" | "not_contains" | "starts_with" | "ends_with" | "in" | "not_in" | "exists" | "not_exists" | "is_true" | "is_false" | "before" | "after";
                    path: string;
                    value?: (string | number | boolean | null) | (string | number | boolean | null)[];
                }[];
                within: {
                    amount: number;
                    /** @enum {string} */
                    unit: "minutes" | "hours" | "days" | "weeks";
                };
            } | {
                /** @constant */
                kind: "in_segment";
                negate?: boolean;
                segmentId: string;
            }) | components["schemas"]["ConditionGroup"])[];
        };
        CreateJourney: {
            /** @description The journey definition (see the JourneyDefinition schema). Drafts may be incomplete; problems are listed in `issues`. */
            definition: {
                [key: string]: unknown;
            };
            name: string;
        } | {
            name?: string;
            /**
             * @description Start from a shipped template
             * @enum {string}
             */
            template: "introduce-feature-on-first-use" | "nudge-stalled-onboarding" | "reengage-inactive-users" | "upgrade-near-plan-limit" | "first-report-to-dashboard";
        };
        CreateWebhook: {
            /** @default  */
            description?: string;
            /** @default true */
            enabled?: boolean;
            eventTypes: ("message.queued" | "message.sent" | "message.delivered" | "message.opened" | "message.clicked" | "message.bounced" | "message.complained" | "message.failed" | "inbox.seen" | "inbox.read" | "inbox.clicked" | "inbox.archived" | "journey.entered" | "journey.converted" | "journey.exited")[];
            /**
             * @description Where Cue POSTs the events.
             * @example https://example.com/webhooks/cue
             */
            url: string;
        };
        DeliveryPage: {
            deliveries: {
                attemptLog: {
                    /** Format: date-time */
                    at: string;
                    durationMs: number | null;
                    error: string | null;
                    response: string | null;
                    statusCode: number | null;
                    trigger: string;
                }[];
                attempts: number;
                /** Format: date-time */
                createdAt: string;
                eventType: string;
                id: string;
                lastError: string | null;
                lastStatus: number | null;
                nextAttemptAt: string | null;
                payload: unknown;
                /** @enum {string} */
                status: "pending" | "succeeded" | "failed";
            }[];
            nextCursor: string | null;
        };
        DeliveryRules: {
            rules: {
                frequency?: {
                    max: number;
                    /** @enum {string} */
                    onLimit: "skip" | "defer";
                    perChannel?: {
                        email?: number;
                        in_app?: number;
                    };
                    windowHours: number;
                };
                quietHours?: {
                    channels?: ("email" | "in_app")[];
                    end: string;
                    /** @enum {string} */
                    onQuiet: "defer" | "skip";
                    start: string;
                };
            } | null;
        };
        DeliveryRulesView: {
            /** @description True when the workspace has not set its own rules (the default applies). */
            isDefault: boolean;
            rules: {
                frequency?: {
                    max: number;
                    /** @enum {string} */
                    onLimit: "skip" | "defer";
                    perChannel?: {
                        email?: number;
                        in_app?: number;
                    };
                    windowHours: number;
                };
                quietHours?: {
                    channels?: ("email" | "in_app")[];
                    end: string;
                    /** @enum {string} */
                    onQuiet: "defer" | "skip";
                    start: string;
                };
            };
        };
        EmailSettings: {
            emailFrom?: "" | null | string;
            ratePerSecond?: number;
            replyTo?: "" | null | string;
            resendApiKey?: "" | null | string;
        };
        EmailSettingsView: {
            /** @description The sender used when emailFrom is empty. */
            defaultFrom: string;
            emailFrom: string | null;
            /** @description Requests per second to Resend, shared by every worker. */
            ratePerSecond: number;
            replyTo: string | null;
            /** @description Never the key itself: whether one is set, where it comes from (this workspace or RESEND_API_KEY), and its last characters. */
            resendApiKey: {
                /** @description The key's last characters: `re_…abcd`. */
                hint: string | null;
                source: ("workspace" | "environment") | null;
            };
        };
        Error: {
            error: {
                /** @description bad_request, invalid_json, unsupported_media_type, validation_failed, payload_too_large, unauthorized, forbidden, not_found, conflict, rate_limited, internal_error, unavailable */
                code: string;
                details?: unknown;
                message: string;
            };
        };
        EventPage: {
            events: {
                anonymousId: string | null;
                context: {
                    [key: string]: unknown;
                } | null;
                extra: {
                    [key: string]: unknown;
                } | null;
                id: string;
                messageId: string;
                name: string | null;
                profileId: string | null;
                properties: {
                    [key: string]: unknown;
                } | null;
                /** Format: date-time */
                receivedAt: string;
                sentAt: string | null;
                /** Format: date-time */
                timestamp: string;
                traits: {
                    [key: string]: unknown;
                } | null;
                type: string;
                userId: string | null;
            }[];
            nextCursor: string | null;
        };
        GroupCall: {
            anonymousId?: (string | number) | null;
            context?: {
                [key: string]: unknown;
            } | null;
            groupId: string | number;
            integrations?: {
                [key: string]: unknown;
            } | null;
            messageId?: (string | number) | null;
            originalTimestamp?: string;
            sentAt?: string;
            /** @description When it happened (ISO 8601). Corrected for client clock skew with sentAt. */
            timestamp?: string;
            traits?: {
                [key: string]: unknown;
            } | null;
            userId?: (string | number) | null;
        };
        IdentifyCall: {
            anonymousId?: (string | number) | null;
            context?: {
                [key: string]: unknown;
            } | null;
            integrations?: {
                [key: string]: unknown;
            } | null;
            messageId?: (string | number) | null;
            originalTimestamp?: string;
            sentAt?: string;
            /** @description When it happened (ISO 8601). Corrected for client clock skew with sentAt. */
            timestamp?: string;
            traits?: {
                [key: string]: unknown;
            } | null;
            userId?: (string | number) | null;
        };
        ImportSegmentMembers: {
            csv: string;
            /**
             * @default add
             * @enum {string}
             */
            mode?: "add" | "replace";
        };
        InboxBulkResult: {
            counts: {
                by_kind: {
                    banner: {
                        unread: number;
                        unseen: number;
                    };
                    card: {
                        unread: number;
                        unseen: number;
                    };
                    modal: {
                        unread: number;
                        unseen: number;
                    };
                    tooltip: {
                        unread: number;
                        unseen: number;
                    };
                };
                unread: number;
                unseen: number;
            };
            not_found: string[];
            updated: number;
        };
        InboxItemResult: {
            counts: {
                by_kind: {
                    banner: {
                        unread: number;
                        unseen: number;
                    };
                    card: {
                        unread: number;
                        unseen: number;
                    };
                    modal: {
                        unread: number;
                        unseen: number;
                    };
                    tooltip: {
                        unread: number;
                        unseen: number;
                    };
                };
                unread: number;
                unseen: number;
            };
            item: {
                archived_at: string | null;
                body: string;
                /** @description Sanitized Markdown subset; safe to insert as HTML. */
                body_html: string;
                clicked_at: string | null;
                /** Format: date-time */
                created_at: string;
                cta_label: string | null;
                cta_url: string | null;
                expires_at: string | null;
                id: string;
                image_url: string | null;
                journey_id: string | null;
                /** @enum {string} */
                kind: "card" | "banner" | "modal" | "tooltip";
                message_id: string | null;
                path_pattern: string | null;
                read_at: string | null;
                seen_at: string | null;
                selector: string | null;
                seq: number;
                title: string;
            };
        };
        InboxMarkAllResult: {
            counts: {
                by_kind: {
                    banner: {
                        unread: number;
                        unseen: number;
                    };
                    card: {
                        unread: number;
                        unseen: number;
                    };
                    modal: {
                        unread: number;
                        unseen: number;
                    };
                    tooltip: {
                        unread: number;
                        unseen: number;
                    };
                };
                unread: number;
                unseen: number;
            };
            updated: number;
        };
        InboxPage: {
            counts: {
                by_kind: {
                    banner: {
                        unread: number;
                        unseen: number;
                    };
                    card: {
                        unread: number;
                        unseen: number;
                    };
                    modal: {
                        unread: number;
                        unseen: number;
                    };
                    tooltip: {
                        unread: number;
                        unseen: number;
                    };
                };
                unread: number;
                unseen: number;
            };
            items: {
                archived_at: string | null;
                body: string;
                /** @description Sanitized Markdown subset; safe to insert as HTML. */
                body_html: string;
                clicked_at: string | null;
                /** Format: date-time */
                created_at: string;
                cta_label: string | null;
                cta_url: string | null;
                expires_at: string | null;
                id: string;
                image_url: string | null;
                journey_id: string | null;
                /** @enum {string} */
                kind: "card" | "banner" | "modal" | "tooltip";
                message_id: string | null;
                path_pattern: string | null;
                read_at: string | null;
                seen_at: string | null;
                selector: string | null;
                seq: number;
                title: string;
            }[];
            next_cursor: string | null;
        };
        InboxToken: {
            /** Format: date-time */
            expires_at: string;
            token: string;
            user_id: string;
        };
        InboxTokenRequest: {
            /** @default 3600 */
            ttl_seconds?: number;
            user_id: string;
        };
        /**
         * @description `{ success: true }` alone means every call was stored as new.
         * @example {
         *       "success": true
         *     }
         * @example {
         *       "success": true,
         *       "accepted": 1,
         *       "duplicates": 0,
         *       "rejected": [
         *         {
         *           "index": 1,
         *           "code": "missing_field",
         *           "field": "event",
         *           "message": "event: is required"
         *         }
         *       ]
         *     }
         */
        IngestResult: {
            /** @description Calls stored as new events. */
            accepted?: number;
            /** @description Calls whose messageId was already stored (not stored again). */
            duplicates?: number;
            /** @description Calls refused one by one; the others are stored regardless. */
            rejected?: {
                /** @enum {string} */
                code: "invalid_item" | "too_large" | "too_deep" | "invalid_string" | "unknown_type" | "missing_field" | "invalid_field" | "missing_identity" | "invalid_timestamp";
                field: string | null;
                index: number;
                message: string;
            }[];
            /** @constant */
            success: true;
        };
        Journey: {
            /** Format: date-time */
            createdAt: string;
            currentVersion: {
                id: string;
                note: string | null;
                /** Format: date-time */
                publishedAt: string;
                version: number;
            } | null;
            draft: {
                [key: string]: unknown;
            };
            draftRevision: number;
            id: string;
            issues: components["schemas"]["JourneyIssue"][];
            name: string;
            /** @enum {string} */
            status: "draft" | "live" | "paused" | "archived";
            /** Format: date-time */
            updatedAt: string;
        };
        JourneyDefinition: {
            edges: {
                exit?: string;
                from: string;
                to: string;
            }[];
            nodes: ({
                id: string;
                label?: string;
                position?: {
                    x: number;
                    y: number;
                };
                trigger: {
                    event: string;
                    firstTimeOnly?: boolean;
                    /** @constant */
                    kind: "event";
                    where?: {
                        /** @constant */
                        kind: "property";
                        /** @enum {string} */
                        operator: "eq" | "neq" | "gt" | "gte" | "lt" | "lte" | "contains" | "not_contains" | "starts_with" | "ends_with" | "in" | "not_in" | "exists" | "not_exists" | "is_true" | "is_false" | "before" | "after";
                        path: string;
                        value?: (string | number | boolean | null) | (string | number | boolean | null)[];
                    }[];
                } | {
                    event?: string;
                    inactiveFor: {
                        amount: number;
                        /** @enum {string} */
                        unit: "minutes" | "hours" | "days" | "weeks";
                    };
                    /** @constant */
                    kind: "inactivity";
                } | {
                    conditions: {
                        /** @constant */
                        kind: "trait";
                        /** @enum {string} */
                        operator: "eq" | "neq" | "gt" | "gte" | "lt" | "lte" | "contains" | "not_contains" | "starts_with" | "ends_with" | "in" | "not_in" | "exists" | "not_exists" | "is_true" | "is_false" | "before" | "after";
                        path: string;
                        value?: (string | number | boolean | null) | (string | number | boolean | null)[];
                    }[];
                    /** @constant */
                    kind: "trait_change";
                } | {
                    /** @constant */
                    kind: "segment";
                    /** @enum {string} */
                    on: "entry" | "exit";
                    segmentId: string;
                };
                /** @constant */
                type: "trigger";
            } | {
                condition: components["schemas"]["ConditionGroup"];
                id: string;
                label?: string;
                position?: {
                    x: number;
                    y: number;
                };
                /** @constant */
                type: "filter";
            } | {
                delay: {
                    duration: {
                        amount: number;
                        /** @enum {string} */
                        unit: "minutes" | "hours" | "days" | "weeks";
                    };
                    /** @constant */
                    kind: "duration";
                } | {
                    /** @constant */
                    kind: "until_time";
                    time: string;
                    weekdays?: ("sun" | "mon" | "tue" | "wed" | "thu" | "fri" | "sat")[];
                };
                id: string;
                label?: string;
                position?: {
                    x: number;
                    y: number;
                };
                /** @constant */
                type: "delay";
            } | {
                event: string;
                id: string;
                label?: string;
                position?: {
                    x: number;
                    y: number;
                };
                timeout: {
                    amount: number;
                    /** @enum {string} */
                    unit: "minutes" | "hours" | "days" | "weeks";
                };
                /** @constant */
                type: "wait";
                where?: {
                    /** @constant */
                    kind: "property";
                    /** @enum {string} */
                    operator: "eq" | "neq" | "gt" | "gte" | "lt" | "lte" | "contains" | "not_contains" | "starts_with" | "ends_with" | "in" | "not_in" | "exists" | "not_exists" | "is_true" | "is_false" | "before" | "after";
                    path: string;
                    value?: (string | number | boolean | null) | (string | number | boolean | null)[];
                }[];
            } | {
                condition: components["schemas"]["ConditionGroup"];
                id: string;
                label?: string;
                position?: {
                    x: number;
                    y: number;
                };
                /** @constant */
                type: "branch";
            } | {
                id: string;
                label?: string;
                position?: {
                    x: number;
                    y: number;
                };
                /** @constant */
                type: "split";
                variants: {
                    key: string;
                    label?: string;
                    weight: number;
                }[];
            } | {
                content: {
                    body: string;
                    /**
                     * @default markdown
                     * @enum {string}
                     */
                    bodyFormat?: "markdown" | "html";
                    /** @default  */
                    preheader?: string;
                    subject: string;
                    topic?: string;
                    /** @default false */
                    transactional?: boolean;
                };
                id: string;
                label?: string;
                position?: {
                    x: number;
                    y: number;
                };
                /** @constant */
                type: "send_email";
            } | {
                content: {
                    /** @default  */
                    body?: string;
                    ctaLabel?: string;
                    ctaUrl?: string;
                    expiresInHours?: number;
                    imageUrl?: string;
                    /** @enum {string} */
                    kind: "card" | "banner" | "modal" | "tooltip";
                    pathPattern?: string;
                    selector?: string;
                    title: string;
                    topic?: string;
                };
                id: string;
                label?: string;
                position?: {
                    x: number;
                    y: number;
                };
                /** @constant */
                type: "send_inapp";
            } | {
                id: string;
                label?: string;
                position?: {
                    x: number;
                    y: number;
                };
                /** @constant */
                type: "exit";
            } | {
                body?: string;
                countsAsMessage?: boolean;
                headers?: {
                    name: string;
                    secret?: boolean;
                    secretId?: string;
                    value?: string;
                }[];
                id: string;
                label?: string;
                /** @enum {string} */
                method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
                position?: {
                    x: number;
                    y: number;
                };
                timeoutSeconds?: number;
                /** @constant */
                type: "send_webhook";
                url: string;
            } | {
                id: string;
                label?: string;
                operations: ({
                    /** @constant */
                    op: "set";
                    trait: string;
                    value: string | number | boolean;
                } | {
                    by: number;
                    /** @constant */
                    op: "increment";
                    trait: string;
                } | {
                    /** @constant */
                    op: "remove";
                    trait: string;
                })[];
                position?: {
                    x: number;
                    y: number;
                };
                /** @constant */
                type: "update_profile";
            })[];
            settings: {
                exclusionSegmentId?: string;
                goal?: {
                    event: string;
                    where?: {
                        /** @constant */
                        kind: "property";
                        /** @enum {string} */
                        operator: "eq" | "neq" | "gt" | "gte" | "lt" | "lte" | "contains" | "not_contains" | "starts_with" | "ends_with" | "in" | "not_in" | "exists" | "not_exists" | "is_true" | "is_false" | "before" | "after";
                        path: string;
                        value?: (string | number | boolean | null) | (string | number | boolean | null)[];
                    }[];
                    within?: {
                        amount: number;
                        /** @enum {string} */
                        unit: "minutes" | "hours" | "days" | "weeks";
                    };
                };
                holdoutPercent: number;
                messageLimit?: number;
                reentry: {
                    /** @constant */
                    mode: "once";
                } | {
                    /** @constant */
                    mode: "always";
                } | {
                    cooldown: {
                        amount: number;
                        /** @enum {string} */
                        unit: "minutes" | "hours" | "days" | "weeks";
                    };
                    /** @constant */
                    mode: "cooldown";
                };
            };
            /** @constant */
            version: 1;
        };
        JourneyIssue: {
            code: string;
            field: string | null;
            /** @description For people: names the step by its label (or what it does) and says what to do, as the builder shows it. */
            humanMessage: string;
            /** @description For developers: names the node by id and the field by path. */
            message: string;
            nodeId: string | null;
        };
        JourneyListItem: {
            /** Format: date-time */
            createdAt: string;
            currentVersion: {
                id: string;
                note: string | null;
                /** Format: date-time */
                publishedAt: string;
                version: number;
            } | null;
            draft: {
                [key: string]: unknown;
            };
            draftRevision: number;
            id: string;
            issues: components["schemas"]["JourneyIssue"][];
            name: string;
            stats: {
                converted7d: number;
                entered7d: number;
            };
            /** @enum {string} */
            status: "draft" | "live" | "paused" | "archived";
            /** Format: date-time */
            updatedAt: string;
            updatedBy: {
                email: string;
                name: string | null;
            } | null;
        };
        MarkAllInboxRequest: {
            /** @enum {string} */
            action: "seen" | "read" | "archived";
            kind?: ("card" | "banner" | "modal" | "tooltip")[];
        };
        Message: {
            /** @description Delivery attempts so far (email). */
            attempts: number;
            /** @enum {string} */
            channel: "email" | "in_app";
            /** Format: date-time */
            createdAt: string;
            /** @description Why it was skipped, is retrying or failed. */
            error: string | null;
            id: string;
            journeyId: string | null;
            /** @description When each step first happened. Email: sent (accepted by Resend), delivered, opened, clicked, bounced, complained (Resend webhooks), failed (retries exhausted or refused), skipped (unsubscribed, suppressed, no address). In-app: sent (put in the inbox), delivered (fetched by the user's client), seen, read, clicked, archived. */
            lifecycle: {
                archivedAt: string | null;
                bouncedAt: string | null;
                clickedAt: string | null;
                complainedAt: string | null;
                deliveredAt: string | null;
                failedAt: string | null;
                openedAt: string | null;
                /**
                 * Format: date-time
                 * @description When Cue created the message.
                 */
                queuedAt: string;
                readAt: string | null;
                seenAt: string | null;
                sentAt: string | null;
                skippedAt: string | null;
            };
            /** @description The next retry (email). */
            nextAttemptAt: string | null;
            /** @description The journey's send step. */
            nodeId: string | null;
            profileId: string;
            /** @description The email provider's id (Resend's email id), once accepted. */
            providerId: string | null;
            /** @description The journey run that sent it. */
            runId: string | null;
            /** @description journey, api or test (a test send). */
            source: string;
            /**
             * @description Where it is now. `outbox`: rendered but not sent (the workspace has no Resend key). `skipped`: not sent on purpose (see `error`).
             * @enum {string}
             */
            status: "queued" | "outbox" | "sending" | "sent" | "delivered" | "delivery_delayed" | "opened" | "clicked" | "bounced" | "complained" | "failed" | "skipped" | "seen" | "read" | "archived";
            subject: string | null;
            templateId: string | null;
            /** @description The email address (email only). */
            to: string | null;
            transactional: boolean;
            /** Format: date-time */
            updatedAt: string;
            /** @description The recipient profile's userId. */
            userId: string | null;
        };
        MessageDetail: {
            /** @description Delivery attempts so far (email). */
            attempts: number;
            /** @enum {string} */
            channel: "email" | "in_app";
            /** Format: date-time */
            createdAt: string;
            /** @description Why it was skipped, is retrying or failed. */
            error: string | null;
            /** @description Every step of the message, oldest first. */
            events: {
                /** Format: date-time */
                at: string;
                data: unknown | null;
                /** @description queued, outbox, sent, retry, rate_limited, failed, skipped, redriven, provider_sent, delivered, delivery_delayed, opened, clicked, bounced, complained, seen, read, archived */
                type: string;
            }[];
            id: string;
            journeyId: string | null;
            /** @description When each step first happened. Email: sent (accepted by Resend), delivered, opened, clicked, bounced, complained (Resend webhooks), failed (retries exhausted or refused), skipped (unsubscribed, suppressed, no address). In-app: sent (put in the inbox), delivered (fetched by the user's client), seen, read, clicked, archived. */
            lifecycle: {
                archivedAt: string | null;
                bouncedAt: string | null;
                clickedAt: string | null;
                complainedAt: string | null;
                deliveredAt: string | null;
                failedAt: string | null;
                openedAt: string | null;
                /**
                 * Format: date-time
                 * @description When Cue created the message.
                 */
                queuedAt: string;
                readAt: string | null;
                seenAt: string | null;
                sentAt: string | null;
                skippedAt: string | null;
            };
            /** @description The next retry (email). */
            nextAttemptAt: string | null;
            /** @description The journey's send step. */
            nodeId: string | null;
            profileId: string;
            /** @description The email provider's id (Resend's email id), once accepted. */
            providerId: string | null;
            /** @description What was (or, in the Outbox, would have been) delivered: `{ channel: 'email', email: { subject, preheader, html, text } }` or `{ channel: 'in_app', inApp: { kind, title, body, bodyHtml, … } }`. */
            rendered: unknown;
            /** @description The journey run that sent it. */
            runId: string | null;
            /** @description journey, api or test (a test send). */
            source: string;
            /**
             * @description Where it is now. `outbox`: rendered but not sent (the workspace has no Resend key). `skipped`: not sent on purpose (see `error`).
             * @enum {string}
             */
            status: "queued" | "outbox" | "sending" | "sent" | "delivered" | "delivery_delayed" | "opened" | "clicked" | "bounced" | "complained" | "failed" | "skipped" | "seen" | "read" | "archived";
            subject: string | null;
            templateId: string | null;
            /** @description The email address (email only). */
            to: string | null;
            transactional: boolean;
            /** Format: date-time */
            updatedAt: string;
            /** @description The recipient profile's userId. */
            userId: string | null;
        };
        MessagePage: {
            messages: components["schemas"]["Message"][];
            /** @description Pass as `cursor` for the next (older) page; null on the last page. */
            nextCursor: string | null;
        };
        MessageTemplate: {
            /** @enum {string} */
            channel: "email" | "in_app";
            content: {
                /** @constant */
                channel: "email";
                email: {
                    body: string;
                    /**
                     * @default markdown
                     * @enum {string}
                     */
                    bodyFormat: "markdown" | "html";
                    /** @default  */
                    preheader: string;
                    subject: string;
                    topic?: string;
                    /** @default false */
                    transactional: boolean;
                };
            } | {
                /** @constant */
                channel: "in_app";
                inApp: {
                    /** @default  */
                    body: string;
                    ctaLabel?: string;
                    ctaUrl?: string;
                    expiresInHours?: number;
                    imageUrl?: string;
                    /** @enum {string} */
                    kind: "card" | "banner" | "modal" | "tooltip";
                    pathPattern?: string;
                    selector?: string;
                    title: string;
                    topic?: string;
                };
            };
            /** Format: date-time */
            createdAt: string;
            id: string;
            name: string;
            /** Format: date-time */
            updatedAt: string;
        };
        PageCall: {
            anonymousId?: (string | number) | null;
            context?: {
                [key: string]: unknown;
            } | null;
            integrations?: {
                [key: string]: unknown;
            } | null;
            messageId?: (string | number) | null;
            name?: string | null;
            originalTimestamp?: string;
            properties?: {
                [key: string]: unknown;
            } | null;
            sentAt?: string;
            /** @description When it happened (ISO 8601). Corrected for client clock skew with sentAt. */
            timestamp?: string;
            userId?: (string | number) | null;
        };
        PreferencesInput: {
            preferences: {
                /** @enum {string} */
                channel: "email" | "in_app";
                subscribed: boolean;
                topic: string;
            }[];
        };
        Profile: {
            email: string | null;
            /** Format: date-time */
            firstSeenAt: string;
            groups: {
                groupId: string;
                /** Format: date-time */
                joinedAt: string;
                traits: {
                    [key: string]: unknown;
                };
            }[];
            id: string;
            identities: {
                kind: string;
                value: string;
            }[];
            /** Format: date-time */
            lastSeenAt: string;
            subscribed: boolean;
            timezone: string | null;
            traits: {
                [key: string]: unknown;
            };
            unsubscribedAt: string | null;
            userId: string | null;
        };
        PublishJourney: {
            draftRevision?: number;
            enterMatching?: boolean;
            note?: string;
        };
        Run: {
            convertedAt: string | null;
            endedAt: string | null;
            /** Format: date-time */
            enteredAt: string;
            holdout: boolean;
            id: string;
            journey: {
                id: string;
                name: string;
            };
            messages?: {
                /** @enum {string} */
                channel: "email" | "in_app";
                /** Format: date-time */
                createdAt: string;
                error: string | null;
                id: string;
                nodeId: string | null;
                status: string;
                subject: string | null;
            }[];
            nodeId: string | null;
            profileId: string;
            /** @enum {string} */
            status: "active" | "waiting" | "completed" | "converted" | "filtered" | "exited";
            trace?: components["schemas"]["Trace"][];
            version: number | null;
            versionId: string;
            wakeAt: string | null;
        };
        ScreenCall: {
            anonymousId?: (string | number) | null;
            context?: {
                [key: string]: unknown;
            } | null;
            integrations?: {
                [key: string]: unknown;
            } | null;
            messageId?: (string | number) | null;
            name?: string | null;
            originalTimestamp?: string;
            properties?: {
                [key: string]: unknown;
            } | null;
            sentAt?: string;
            /** @description When it happened (ISO 8601). Corrected for client clock skew with sentAt. */
            timestamp?: string;
            userId?: (string | number) | null;
        };
        SegmentInput: {
            condition: components["schemas"]["ConditionGroup"];
            description?: string;
            /** @constant */
            kind: "condition";
            name: string;
        } | {
            description?: string;
            /** @constant */
            kind: "manual";
            name: string;
        };
        SegmentPatch: {
            condition?: components["schemas"]["ConditionGroup"];
            description?: string;
            name?: string;
        };
        /**
         * @example {
         *       "userId": "user_123",
         *       "idempotencyKey": "trial-ending-user_123-2026-12",
         *       "content": {
         *         "channel": "in_app",
         *         "inApp": {
         *           "kind": "card",
         *           "title": "Your trial ends in {{ event.days }} days",
         *           "body": "Pick a plan to keep your **{{ profile.traits.plan | default: 'trial' }}** workspace.",
         *           "ctaLabel": "See plans",
         *           "ctaUrl": "/billing",
         *           "expiresInHours": 72
         *         }
         *       },
         *       "data": {
         *         "days": 3
         *       }
         *     }
         * @example {
         *       "userId": "user_123",
         *       "idempotencyKey": "receipt-inv_42",
         *       "content": {
         *         "channel": "email",
         *         "email": {
         *           "subject": "Your receipt for {{ event.amount }}",
         *           "body": "Thanks for your payment of {{ event.amount }}.",
         *           "transactional": true
         *         }
         *       },
         *       "data": {
         *         "amount": "$20.00"
         *       }
         *     }
         * @example {
         *       "userId": "user_123",
         *       "templateId": "tmpl_welcome",
         *       "idempotencyKey": "welcome-user_123"
         *     }
         */
        SendMessage: {
            /** @description Inline content, instead of a templateId. `{ "channel": "in_app", "inApp": { kind, title, body, ... } }` puts an item in the user's inbox (kind card, banner, modal or tooltip; a tooltip needs `selector`; `ctaLabel` and `ctaUrl` go together; `body` is Markdown). `{ "channel": "email", "email": { subject, body, ... } }` sends an email. Text fields are Liquid: `{{ profile.traits.* }}`, `{{ event.* }}` (from `data`). */
            content?: {
                /** @constant */
                channel: "email";
                email: {
                    body: string;
                    /**
                     * @default markdown
                     * @enum {string}
                     */
                    bodyFormat?: "markdown" | "html";
                    /** @default  */
                    preheader?: string;
                    subject: string;
                    topic?: string;
                    /** @default false */
                    transactional?: boolean;
                };
            } | {
                /** @constant */
                channel: "in_app";
                inApp: {
                    /** @default  */
                    body?: string;
                    ctaLabel?: string;
                    ctaUrl?: string;
                    expiresInHours?: number;
                    imageUrl?: string;
                    /** @enum {string} */
                    kind: "card" | "banner" | "modal" | "tooltip";
                    pathPattern?: string;
                    selector?: string;
                    title: string;
                    topic?: string;
                };
            };
            /** @description Properties the content reads as `{{ event.<name> }}`. */
            data?: {
                [key: string]: unknown;
            };
            idempotencyKey: string;
            templateId?: string;
            userId: string;
        };
        /**
         * @example {
         *       "messageId": "msg_1",
         *       "status": "sent",
         *       "created": true,
         *       "error": null
         *     }
         */
        SendMessageResult: {
            /** @description False when this idempotencyKey was already used: nothing was sent. */
            created: boolean;
            /** @description Why it was skipped or failed. */
            error: string | null;
            messageId: string;
            /** @description queued, outbox, sending, sent, delivered, delivery_delayed, opened, clicked, bounced, complained, failed or skipped */
            status: string;
        };
        Template: {
            description: string;
            journey: {
                definition: {
                    [key: string]: unknown;
                };
                name: string;
            };
            name: string;
            slug: string;
        };
        TemplateInput: {
            content: {
                /** @constant */
                channel: "email";
                email: {
                    body: string;
                    /**
                     * @default markdown
                     * @enum {string}
                     */
                    bodyFormat?: "markdown" | "html";
                    /** @default  */
                    preheader?: string;
                    subject: string;
                    topic?: string;
                    /** @default false */
                    transactional?: boolean;
                };
            } | {
                /** @constant */
                channel: "in_app";
                inApp: {
                    /** @default  */
                    body?: string;
                    ctaLabel?: string;
                    ctaUrl?: string;
                    expiresInHours?: number;
                    imageUrl?: string;
                    /** @enum {string} */
                    kind: "card" | "banner" | "modal" | "tooltip";
                    pathPattern?: string;
                    selector?: string;
                    title: string;
                    topic?: string;
                };
            };
            name: string;
        };
        Topic: {
            createdAt: string;
            description: string;
            id: string;
            key: string;
            name: string;
            /** @description The identify trait that sets this topic's preference, if any */
            trait: {
                channel: ("email" | "in_app") | null;
                key: string;
                /** @enum {string} */
                whenTrue: "subscribed" | "unsubscribed";
            } | null;
            unsubscribable: boolean;
            updatedAt: string;
        };
        TopicInput: {
            /** @default  */
            description?: string;
            key: string;
            name: string;
            /** @default null */
            trait?: {
                /**
                 * @description The one channel the trait sets; null: every channel
                 * @default null
                 */
                channel?: ("email" | "in_app") | null;
                /** @description A top-level trait of identify calls, e.g. `unsubscribed_from_tips` */
                key: string;
                /**
                 * @description What the trait's `true` means; `false` means the opposite
                 * @default subscribed
                 * @enum {string}
                 */
                whenTrue?: "subscribed" | "unsubscribed";
            } | null;
            /** @default true */
            unsubscribable?: boolean;
        };
        TopicPreference: {
            /** @description Subscribed per channel; true until the profile opts out */
            channels: {
                email: boolean;
                in_app: boolean;
            };
            description: string;
            name: string;
            /** @description The topic's key */
            topic: string;
            /** @description False: always sent, opt-outs do not apply */
            unsubscribable: boolean;
        };
        TopicUpdate: {
            description?: string;
            name?: string;
            trait?: {
                /**
                 * @description The one channel the trait sets; null: every channel
                 * @default null
                 */
                channel?: ("email" | "in_app") | null;
                /** @description A top-level trait of identify calls, e.g. `unsubscribed_from_tips` */
                key: string;
                /**
                 * @description What the trait's `true` means; `false` means the opposite
                 * @default subscribed
                 * @enum {string}
                 */
                whenTrue?: "subscribed" | "unsubscribed";
            } | null;
            unsubscribable?: boolean;
        };
        Trace: {
            /** Format: date-time */
            at: string;
            data: unknown | null;
            decision: string;
            id: string;
            nodeId: string | null;
            reason: string;
            /** @description The step's name as the builder shows it (its label, or what it does); null for a decision of the journey as a whole. */
            step: string | null;
        };
        TrackCall: {
            anonymousId?: (string | number) | null;
            context?: {
                [key: string]: unknown;
            } | null;
            event: string;
            integrations?: {
                [key: string]: unknown;
            } | null;
            messageId?: (string | number) | null;
            originalTimestamp?: string;
            properties?: {
                [key: string]: unknown;
            } | null;
            sentAt?: string;
            /** @description When it happened (ISO 8601). Corrected for client clock skew with sentAt. */
            timestamp?: string;
            userId?: (string | number) | null;
        };
        UpdateJourney: {
            /** @description The journey definition (see the JourneyDefinition schema). Drafts may be incomplete; problems are listed in `issues`. */
            definition?: {
                [key: string]: unknown;
            };
            draftRevision: number;
            name?: string;
        };
        UpdateWebhook: {
            description?: string;
            enabled?: boolean;
            eventTypes?: ("message.queued" | "message.sent" | "message.delivered" | "message.opened" | "message.clicked" | "message.bounced" | "message.complained" | "message.failed" | "inbox.seen" | "inbox.read" | "inbox.clicked" | "inbox.archived" | "journey.entered" | "journey.converted" | "journey.exited")[];
            /**
             * @description Where Cue POSTs the events.
             * @example https://example.com/webhooks/cue
             */
            url?: string;
        };
        ValidateDefinition: {
            definition: unknown;
        };
        ValidationResult: {
            issues: components["schemas"]["JourneyIssue"][];
            valid: boolean;
            /** @description The saved draft's event names this workspace has never received (code `unseen_event`): often a typo. They never block publishing. Only `/journeys/{id}/validate` answers them. */
            warnings?: {
                code: string;
                event: string;
                field: string | null;
                /** @description For people: names the step by its label (or what it does) and says what to do, as the builder shows it. */
                humanMessage: string;
                /** @description For developers: names the node by id and the field by path. */
                message: string;
                nodeId: string | null;
            }[];
        };
        Webhook: {
            /** Format: date-time */
            createdAt: string;
            description: string;
            disabledAt: string | null;
            disabledReason: string | null;
            enabled: boolean;
            eventTypes: ("message.queued" | "message.sent" | "message.delivered" | "message.opened" | "message.clicked" | "message.bounced" | "message.complained" | "message.failed" | "inbox.seen" | "inbox.read" | "inbox.clicked" | "inbox.archived" | "journey.entered" | "journey.converted" | "journey.exited")[];
            failingSince: string | null;
            id: string;
            /** @description Until when the previous secret still signs (after a rotation). */
            previousSecretExpiresAt: string | null;
            /** Format: date-time */
            updatedAt: string;
            url: string;
        };
        WebhookWithSecret: {
            /** @description The signing secret (`whsec_…`), shown once: store it now. */
            secret: string;
            webhook: components["schemas"]["Webhook"];
        };
        Workspace: {
            /** @description Browser origins allowed to call the inbox API (CORS). */
            allowedOrigins: string[];
            /** Format: date-time */
            createdAt: string;
            /** @description Frequency budget and quiet hours. Quiet hours are in each profile's own timezone (the profile's `timezone`, UTC when unknown); a workspace has no timezone of its own. */
            deliveryRules: components["schemas"]["DeliveryRulesView"];
            email: components["schemas"]["EmailSettingsView"];
            id: string;
            name: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    alias: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "previousId": "anon_9",
                 *       "userId": "user_123"
                 *     }
                 */
                "application/json": components["schemas"]["AliasCall"];
            };
        };
        responses: {
            /** @description Stored (see `rejected` for calls refused one by one) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["IngestResult"];
                };
            };
            /** @description Malformed request (not JSON, wrong shape) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "invalid_json",
                     *         "message": "Body is not JSON."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown or revoked key (or user proof) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Unknown or revoked secret key."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "payload_too_large",
                     *         "message": "Body too large."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; honour Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "rate_limited",
                     *         "message": "Slow down."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    batch: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "batch": [
                 *         {
                 *           "type": "identify",
                 *           "userId": "user_123",
                 *           "traits": {
                 *             "email": "ada@example.com",
                 *             "plan": "pro"
                 *           }
                 *         },
                 *         {
                 *           "type": "track",
                 *           "userId": "user_123",
                 *           "event": "Trial Started",
                 *           "properties": {
                 *             "plan": "pro"
                 *           },
                 *           "timestamp": "2026-12-07T10:00:00Z"
                 *         }
                 *       ],
                 *       "sentAt": "2026-12-07T10:00:01Z"
                 *     }
                 */
                "application/json": components["schemas"]["BatchRequest"];
            };
        };
        responses: {
            /** @description Stored (see `rejected` for calls refused one by one) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["IngestResult"];
                };
            };
            /** @description Malformed request (not JSON, wrong shape) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "invalid_json",
                     *         "message": "Body is not JSON."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown or revoked key (or user proof) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Unknown or revoked secret key."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "payload_too_large",
                     *         "message": "Body too large."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; honour Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "rate_limited",
                     *         "message": "Slow down."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getDeliveryRules: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rules */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "rules": {
                     *         "frequency": {
                     *           "windowHours": 24,
                     *           "max": 3,
                     *           "onLimit": "defer"
                     *         },
                     *         "quietHours": {
                     *           "start": "21:00",
                     *           "end": "08:00",
                     *           "onQuiet": "defer",
                     *           "channels": [
                     *             "email"
                     *           ]
                     *         }
                     *       },
                     *       "isDefault": true
                     *     }
                     */
                    "application/json": components["schemas"]["DeliveryRulesView"];
                };
            };
            /** @description Missing, unknown or revoked key (or user proof) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Unknown or revoked secret key."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putDeliveryRules: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "rules": {
                 *         "frequency": {
                 *           "windowHours": 24,
                 *           "max": 2,
                 *           "perChannel": {
                 *             "email": 1
                 *           },
                 *           "onLimit": "defer"
                 *         },
                 *         "quietHours": {
                 *           "start": "22:00",
                 *           "end": "07:30",
                 *           "onQuiet": "defer"
                 *         }
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["DeliveryRules"];
            };
        };
        responses: {
            /** @description The rules now */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "rules": {
                     *         "frequency": {
                     *           "windowHours": 24,
                     *           "max": 3,
                     *           "onLimit": "defer"
                     *         },
                     *         "quietHours": {
                     *           "start": "21:00",
                     *           "end": "08:00",
                     *           "onQuiet": "defer",
                     *           "channels": [
                     *             "email"
                     *           ]
                     *         }
                     *       },
                     *       "isDefault": false
                     *     }
                     */
                    "application/json": components["schemas"]["DeliveryRulesView"];
                };
            };
            /** @description Malformed request (not JSON, wrong shape) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "invalid_json",
                     *         "message": "Body is not JSON."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown or revoked key (or user proof) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Unknown or revoked secret key."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input; `details.issues` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "validation_failed",
                     *         "message": "userId: Name the recipient by userId.",
                     *         "details": {
                     *           "issues": [
                     *             {
                     *               "field": "userId",
                     *               "message": "Name the recipient by userId."
                     *             }
                     *           ]
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    group: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "userId": "user_123",
                 *       "groupId": "acme",
                 *       "traits": {
                 *         "name": "Acme Inc"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["GroupCall"];
            };
        };
        responses: {
            /** @description Stored (see `rejected` for calls refused one by one) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["IngestResult"];
                };
            };
            /** @description Malformed request (not JSON, wrong shape) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "invalid_json",
                     *         "message": "Body is not JSON."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown or revoked key (or user proof) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Unknown or revoked secret key."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "payload_too_large",
                     *         "message": "Body too large."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; honour Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "rate_limited",
                     *         "message": "Slow down."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    identify: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "userId": "user_123",
                 *       "traits": {
                 *         "email": "ada@example.com",
                 *         "plan": "pro"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["IdentifyCall"];
            };
        };
        responses: {
            /** @description Stored (see `rejected` for calls refused one by one) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["IngestResult"];
                };
            };
            /** @description Malformed request (not JSON, wrong shape) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "invalid_json",
                     *         "message": "Body is not JSON."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown or revoked key (or user proof) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Unknown or revoked secret key."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "payload_too_large",
                     *         "message": "Body too large."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; honour Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "rate_limited",
                     *         "message": "Slow down."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listInbox: {
        parameters: {
            query?: {
                archived?: "exclude" | "include" | "only";
                /** @description The next_cursor of the previous page. */
                cursor?: string;
                /** @description One kind or several, comma-separated: `kind=banner,modal`. */
                kind?: string;
                page_size?: number;
                unread?: "0" | "1" | "true" | "false";
                unseen?: "0" | "1" | "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboxPage"];
                };
            };
            /** @description Malformed request (not JSON, wrong shape) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "invalid_json",
                     *         "message": "Body is not JSON."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown or revoked key (or user proof) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Unknown or revoked secret key."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Origin not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "forbidden",
                     *         "message": "Origin not allowed for this workspace."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input; `details.issues` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "validation_failed",
                     *         "message": "userId: Name the recipient by userId.",
                     *         "details": {
                     *           "issues": [
                     *             {
                     *               "field": "userId",
                     *               "message": "Name the recipient by userId."
                     *             }
                     *           ]
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateInboxItem: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                action: "seen" | "read" | "unread" | "clicked" | "archived" | "unarchived";
                /** @description The item id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The item and the new counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboxItemResult"];
                };
            };
            /** @description Malformed request (not JSON, wrong shape) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "invalid_json",
                     *         "message": "Body is not JSON."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown or revoked key (or user proof) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Unknown or revoked secret key."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Origin not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "forbidden",
                     *         "message": "Origin not allowed for this workspace."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "not_found",
                     *         "message": "Resource not found."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input; `details.issues` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "validation_failed",
                     *         "message": "userId: Name the recipient by userId.",
                     *         "details": {
                     *           "issues": [
                     *             {
                     *               "field": "userId",
                     *               "message": "Name the recipient by userId."
                     *             }
                     *           ]
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    bulkUpdateInbox: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "ids": [
                 *         "itm_1",
                 *         "itm_2"
                 *       ],
                 *       "action": "read"
                 *     }
                 */
                "application/json": components["schemas"]["BulkInboxRequest"];
            };
        };
        responses: {
            /** @description Ids not the user's are listed in not_found */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboxBulkResult"];
                };
            };
            /** @description Malformed request (not JSON, wrong shape) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "invalid_json",
                     *         "message": "Body is not JSON."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown or revoked key (or user proof) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Unknown or revoked secret key."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Origin not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "forbidden",
                     *         "message": "Origin not allowed for this workspace."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input; `details.issues` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "validation_failed",
                     *         "message": "userId: Name the recipient by userId.",
                     *         "details": {
                     *           "issues": [
                     *             {
                     *               "field": "userId",
                     *               "message": "Name the recipient by userId."
                     *             }
                     *           ]
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    markAllInbox: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "action": "read",
                 *       "kind": [
                 *         "card"
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["MarkAllInboxRequest"];
            };
        };
        responses: {
            /** @description How many changed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboxMarkAllResult"];
                };
            };
            /** @description Malformed request (not JSON, wrong shape) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "invalid_json",
                     *         "message": "Body is not JSON."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown or revoked key (or user proof) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Unknown or revoked secret key."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Origin not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "forbidden",
                     *         "message": "Origin not allowed for this workspace."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input; `details.issues` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "validation_failed",
                     *         "message": "userId: Name the recipient by userId.",
                     *         "details": {
                     *           "issues": [
                     *             {
                     *               "field": "userId",
                     *               "message": "Name the recipient by userId."
                     *             }
                     *           ]
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getInboxPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every topic of the workspace with the profile's choice per channel */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "topics": [
                     *         {
                     *           "topic": "product-tips",
                     *           "name": "Product tips",
                     *           "description": "Ideas to get more out of Acme",
                     *           "unsubscribable": true,
                     *           "channels": {
                     *             "email": false,
                     *             "in_app": true
                     *           }
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        topics: components["schemas"]["TopicPreference"][];
                    };
                };
            };
            /** @description Malformed request (not JSON, wrong shape) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "invalid_json",
                     *         "message": "Body is not JSON."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown or revoked key (or user proof) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Unknown or revoked secret key."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Origin not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "forbidden",
                     *         "message": "Origin not allowed for this workspace."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input; `details.issues` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "validation_failed",
                     *         "message": "userId: Name the recipient by userId.",
                     *         "details": {
                     *           "issues": [
                     *             {
                     *               "field": "userId",
                     *               "message": "Name the recipient by userId."
                     *             }
                     *           ]
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    setInboxPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "preferences": [
                 *         {
                 *           "topic": "product-tips",
                 *           "channel": "email",
                 *           "subscribed": false
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["PreferencesInput"];
            };
        };
        responses: {
            /** @description Every topic of the workspace with the profile's choice per channel */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "topics": [
                     *         {
                     *           "topic": "product-tips",
                     *           "name": "Product tips",
                     *           "description": "Ideas to get more out of Acme",
                     *           "unsubscribable": true,
                     *           "channels": {
                     *             "email": false,
                     *             "in_app": true
                     *           }
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        topics: components["schemas"]["TopicPreference"][];
                    };
                };
            };
            /** @description Malformed request (not JSON, wrong shape) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "invalid_json",
                     *         "message": "Body is not JSON."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown or revoked key (or user proof) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Unknown or revoked secret key."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Origin not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "forbidden",
                     *         "message": "Origin not allowed for this workspace."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "not_found",
                     *         "message": "Resource not found."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input; `details.issues` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "validation_failed",
                     *         "message": "userId: Name the recipient by userId.",
                     *         "details": {
                     *           "issues": [
                     *             {
                     *               "field": "userId",
                     *               "message": "Name the recipient by userId."
                     *             }
                     *           ]
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    streamInbox: {
        parameters: {
            query?: {
                last_event_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An event stream */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description Malformed request (not JSON, wrong shape) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "invalid_json",
                     *         "message": "Body is not JSON."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown or revoked key (or user proof) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Unknown or revoked secret key."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Origin not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "forbidden",
                     *         "message": "Origin not allowed for this workspace."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input; `details.issues` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "validation_failed",
                     *         "message": "userId: Name the recipient by userId.",
                     *         "details": {
                     *           "issues": [
                     *             {
                     *               "field": "userId",
                     *               "message": "Name the recipient by userId."
                     *             }
                     *           ]
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    issueInboxToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "user_id": "user_123",
                 *       "ttl_seconds": 3600
                 *     }
                 */
                "application/json": components["schemas"]["InboxTokenRequest"];
            };
        };
        responses: {
            /** @description The token */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboxToken"];
                };
            };
            /** @description Malformed request (not JSON, wrong shape) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "invalid_json",
                     *         "message": "Body is not JSON."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown or revoked key (or user proof) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Unknown or revoked secret key."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input; `details.issues` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "validation_failed",
                     *         "message": "userId: Name the recipient by userId.",
                     *         "details": {
                     *           "issues": [
                     *             {
                     *               "field": "userId",
                     *               "message": "Name the recipient by userId."
                     *             }
                     *           ]
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listJourneyTemplates: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The templates */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        templates?: components["schemas"]["Template"][];
                    };
                };
            };
            /** @description Missing, unknown or revoked key (or user proof) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Unknown or revoked secret key."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listJourneys: {
        parameters: {
            query?: {
                status?: "draft" | "live" | "paused" | "archived";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Journeys, most recently changed first, each with its 7-day entries and conversions and who last changed it */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        journeys?: components["schemas"]["JourneyListItem"][];
                    };
                };
            };
            /** @description Malformed request (not JSON, wrong shape) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "invalid_json",
                     *         "message": "Body is not JSON."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown or revoked key (or user proof) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Unknown or revoked secret key."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "not_found",
                     *         "message": "Resource not found."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input; `details.issues` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "validation_failed",
                     *         "message": "userId: Name the recipient by userId.",
                     *         "details": {
                     *           "issues": [
                     *             {
                     *               "field": "userId",
                     *               "message": "Name the recipient by userId."
                     *             }
                     *           ]
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createJourney: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "template": "introduce-feature-on-first-use",
                 *       "name": "Feature intro"
                 *     }
                 */
                "application/json": components["schemas"]["CreateJourney"];
            };
        };
        responses: {
            /** @description The new draft */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        journey: components["schemas"]["Journey"];
                    };
                };
            };
            /** @description Malformed request (not JSON, wrong shape) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "invalid_json",
                     *         "message": "Body is not JSON."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown or revoked key (or user proof) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Unknown or revoked secret key."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "not_found",
                     *         "message": "Resource not found."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input; `details.issues` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "validation_failed",
                     *         "message": "userId: Name the recipient by userId.",
                     *         "details": {
                     *           "issues": [
                     *             {
                     *               "field": "userId",
                     *               "message": "Name the recipient by userId."
                     *             }
                     *           ]
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getJourney: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The journey id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The journey, its draft and current version */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        journey: components["schemas"]["Journey"];
                    };
                };
            };
            /** @description Malformed request (not JSON, wrong shape) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "invalid_json",
                     *         "message": "Body is not JSON."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown or revoked key (or user proof) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Unknown or revoked secret key."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "not_found",
                     *         "message": "Resource not found."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input; `details.issues` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "validation_failed",
                     *         "message": "userId: Name the recipient by userId.",
                     *         "details": {
                     *           "issues": [
                     *             {
                     *               "field": "userId",
                     *               "message": "Name the recipient by userId."
                     *             }
                     *           ]
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    replaceJourneyDraft: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The journey id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateJourney"];
            };
        };
        responses: {
            /** @description The saved journey */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        journey: components["schemas"]["Journey"];
                    };
                };
            };
            /** @description Malformed request (not JSON, wrong shape) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "invalid_json",
                     *         "message": "Body is not JSON."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown or revoked key (or user proof) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Unknown or revoked secret key."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "not_found",
                     *         "message": "Resource not found."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The draft changed since `draftRevision`, or the journey is archived */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input; `details.issues` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "validation_failed",
                     *         "message": "userId: Name the recipient by userId.",
                     *         "details": {
                     *           "issues": [
                     *             {
                     *               "field": "userId",
                     *               "message": "Name the recipient by userId."
                     *             }
                     *           ]
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateJourneyDraft: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The journey id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateJourney"];
            };
        };
        responses: {
            /** @description The saved journey */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        journey: components["schemas"]["Journey"];
                    };
                };
            };
            /** @description Malformed request (not JSON, wrong shape) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "invalid_json",
                     *         "message": "Body is not JSON."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown or revoked key (or user proof) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Unknown or revoked secret key."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "not_found",
                     *         "message": "Resource not found."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The draft changed since `draftRevision`, or the journey is archived */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input; `details.issues` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "validation_failed",
                     *         "message": "userId: Name the recipient by userId.",
                     *         "details": {
                     *           "issues": [
                     *             {
                     *               "field": "userId",
                     *               "message": "Name the recipient by userId."
                     *             }
                     *           ]
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    archiveJourney: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The journey id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The journey after the change */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        journey: components["schemas"]["Journey"];
                    };
                };
            };
            /** @description Malformed request (not JSON, wrong shape) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "invalid_json",
                     *         "message": "Body is not JSON."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown or revoked key (or user proof) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Unknown or revoked secret key."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "not_found",
                     *         "message": "Resource not found."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed from the journey's current status (or a stale draftRevision) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input; `details.issues` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "validation_failed",
                     *         "message": "userId: Name the recipient by userId.",
                     *         "details": {
                     *           "issues": [
                     *             {
                     *               "field": "userId",
                     *               "message": "Name the recipient by userId."
                     *             }
                     *           ]
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    duplicateJourney: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The journey id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The new draft */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        journey: components["schemas"]["Journey"];
                    };
                };
            };
            /** @description Malformed request (not JSON, wrong shape) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "invalid_json",
                     *         "message": "Body is not JSON."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown or revoked key (or user proof) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Unknown or revoked secret key."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "not_found",
                     *         "message": "Resource not found."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input; `details.issues` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "validation_failed",
                     *         "message": "userId: Name the recipient by userId.",
                     *         "details": {
                     *           "issues": [
                     *             {
                     *               "field": "userId",
                     *               "message": "Name the recipient by userId."
                     *             }
                     *           ]
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    pauseJourney: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The journey id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The journey after the change */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        journey: components["schemas"]["Journey"];
                    };
                };
            };
            /** @description Malformed request (not JSON, wrong shape) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "invalid_json",
                     *         "message": "Body is not JSON."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown or revoked key (or user proof) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Unknown or revoked secret key."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "not_found",
                     *         "message": "Resource not found."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed from the journey's current status (or a stale draftRevision) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input; `details.issues` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "validation_failed",
                     *         "message": "userId: Name the recipient by userId.",
                     *         "details": {
                     *           "issues": [
                     *             {
                     *               "field": "userId",
                     *               "message": "Name the recipient by userId."
                     *             }
                     *           ]
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    publishJourney: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The journey id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["PublishJourney"];
            };
        };
        responses: {
            /** @description The journey after the change */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        journey: components["schemas"]["Journey"];
                    };
                };
            };
            /** @description Malformed request (not JSON, wrong shape) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "invalid_json",
                     *         "message": "Body is not JSON."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown or revoked key (or user proof) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Unknown or revoked secret key."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "not_found",
                     *         "message": "Resource not found."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed from the journey's current status (or a stale draftRevision) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input; `details.issues` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "validation_failed",
                     *         "message": "userId: Name the recipient by userId.",
                     *         "details": {
                     *           "issues": [
                     *             {
                     *               "field": "userId",
                     *               "message": "Name the recipient by userId."
                     *             }
                     *           ]
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    resumeJourney: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The journey id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The journey after the change */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        journey: components["schemas"]["Journey"];
                    };
                };
            };
            /** @description Malformed request (not JSON, wrong shape) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "invalid_json",
                     *         "message": "Body is not JSON."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown or revoked key (or user proof) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Unknown or revoked secret key."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "not_found",
                     *         "message": "Resource not found."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed from the journey's current status (or a stale draftRevision) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input; `details.issues` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "validation_failed",
                     *         "message": "userId: Name the recipient by userId.",
                     *         "details": {
                     *           "issues": [
                     *             {
                     *               "field": "userId",
                     *               "message": "Name the recipient by userId."
                     *             }
                     *           ]
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listJourneyRuns: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                status?: "active" | "waiting" | "completed" | "converted" | "filtered" | "exited";
            };
            header?: never;
            path: {
                /** @description The journey id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Runs, newest entry first; pass nextCursor for the next page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        nextCursor?: string | null;
                        runs?: components["schemas"]["Run"][];
                    };
                };
            };
            /** @description Malformed request (not JSON, wrong shape) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "invalid_json",
                     *         "message": "Body is not JSON."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown or revoked key (or user proof) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Unknown or revoked secret key."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "not_found",
                     *         "message": "Resource not found."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input; `details.issues` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "validation_failed",
                     *         "message": "userId: Name the recipient by userId.",
                     *         "details": {
                     *           "issues": [
                     *             {
                     *               "field": "userId",
                     *               "message": "Name the recipient by userId."
                     *             }
                     *           ]
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    validateJourney: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The journey id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every issue, by node and field */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationResult"];
                };
            };
            /** @description Malformed request (not JSON, wrong shape) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "invalid_json",
                     *         "message": "Body is not JSON."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown or revoked key (or user proof) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Unknown or revoked secret key."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "not_found",
                     *         "message": "Resource not found."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input; `details.issues` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "validation_failed",
                     *         "message": "userId: Name the recipient by userId.",
                     *         "details": {
                     *           "issues": [
                     *             {
                     *               "field": "userId",
                     *               "message": "Name the recipient by userId."
                     *             }
                     *           ]
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    validateDefinition: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ValidateDefinition"];
            };
        };
        responses: {
            /** @description Every issue, by node and field */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "valid": true,
                     *       "issues": []
                     *     }
                     */
                    "application/json": components["schemas"]["ValidationResult"];
                };
            };
            /** @description Malformed request (not JSON, wrong shape) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "invalid_json",
                     *         "message": "Body is not JSON."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown or revoked key (or user proof) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Unknown or revoked secret key."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "not_found",
                     *         "message": "Resource not found."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input; `details.issues` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "validation_failed",
                     *         "message": "userId: Name the recipient by userId.",
                     *         "details": {
                     *           "issues": [
                     *             {
                     *               "field": "userId",
                     *               "message": "Name the recipient by userId."
                     *             }
                     *           ]
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    sendMessage: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SendMessage"];
            };
        };
        responses: {
            /** @description Accepted (or the earlier message for this key) */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SendMessageResult"];
                };
            };
            /** @description Malformed request (not JSON, wrong shape) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "invalid_json",
                     *         "message": "Body is not JSON."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown or revoked key (or user proof) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Unknown or revoked secret key."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "not_found",
                     *         "message": "Resource not found."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input; `details.issues` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "validation_failed",
                     *         "message": "userId: Name the recipient by userId.",
                     *         "details": {
                     *           "issues": [
                     *             {
                     *               "field": "userId",
                     *               "message": "Name the recipient by userId."
                     *             }
                     *           ]
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMessage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The message id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The message */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "message": {
                     *         "id": "cmiv2k8q30001qk08c1b2x7yz",
                     *         "channel": "email",
                     *         "status": "opened",
                     *         "source": "journey",
                     *         "userId": "user_123",
                     *         "profileId": "01937c5e-8f2a-7c3e-9a41-5b2f0e6d7c10",
                     *         "templateId": null,
                     *         "journeyId": "cmiv1z0a20000qk08h4j5k6lm",
                     *         "runId": "01937c5e-9b11-7d02-8e55-0c3a2f1b4d99",
                     *         "nodeId": "welcome-email",
                     *         "to": "ada@example.com",
                     *         "subject": "Welcome, Ada",
                     *         "transactional": false,
                     *         "providerId": "4ef9a417-02e9-4d39-ad75-9611e0fcc33c",
                     *         "error": null,
                     *         "attempts": 1,
                     *         "nextAttemptAt": null,
                     *         "lifecycle": {
                     *           "queuedAt": "2026-12-07T10:00:00.000Z",
                     *           "sentAt": "2026-12-07T10:00:01.204Z",
                     *           "deliveredAt": "2026-12-07T10:00:03.880Z",
                     *           "openedAt": "2026-12-07T10:14:52.000Z",
                     *           "clickedAt": null,
                     *           "bouncedAt": null,
                     *           "complainedAt": null,
                     *           "failedAt": null,
                     *           "skippedAt": null,
                     *           "seenAt": null,
                     *           "readAt": null,
                     *           "archivedAt": null
                     *         },
                     *         "createdAt": "2026-12-07T10:00:00.000Z",
                     *         "updatedAt": "2026-12-07T10:14:52.000Z",
                     *         "rendered": {
                     *           "channel": "email",
                     *           "email": {
                     *             "subject": "Welcome, Ada",
                     *             "preheader": "Three things to try first",
                     *             "html": "<!doctype html>…",
                     *             "text": "Hi Ada, …"
                     *           }
                     *         },
                     *         "events": [
                     *           {
                     *             "type": "queued",
                     *             "at": "2026-12-07T10:00:00.000Z",
                     *             "data": null
                     *           },
                     *           {
                     *             "type": "sent",
                     *             "at": "2026-12-07T10:00:01.204Z",
                     *             "data": {
                     *               "providerId": "4ef9a417-02e9-4d39-ad75-9611e0fcc33c",
                     *               "attempt": 1
                     *             }
                     *           },
                     *           {
                     *             "type": "provider_sent",
                     *             "at": "2026-12-07T10:00:01.900Z",
                     *             "data": {}
                     *           },
                     *           {
                     *             "type": "delivered",
                     *             "at": "2026-12-07T10:00:03.880Z",
                     *             "data": {}
                     *           },
                     *           {
                     *             "type": "opened",
                     *             "at": "2026-12-07T10:14:52.000Z",
                     *             "data": {}
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": {
                        message: components["schemas"]["MessageDetail"];
                    };
                };
            };
            /** @description Missing, unknown or revoked key (or user proof) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Unknown or revoked secret key."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "not_found",
                     *         "message": "Resource not found."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    page: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "anonymousId": "anon_9",
                 *       "name": "Pricing",
                 *       "properties": {
                 *         "path": "/pricing"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["PageCall"];
            };
        };
        responses: {
            /** @description Stored (see `rejected` for calls refused one by one) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["IngestResult"];
                };
            };
            /** @description Malformed request (not JSON, wrong shape) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "invalid_json",
                     *         "message": "Body is not JSON."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown or revoked key (or user proof) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Unknown or revoked secret key."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "payload_too_large",
                     *         "message": "Body too large."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; honour Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "rate_limited",
                     *         "message": "Slow down."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getProfile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The profile's userId (or an anonymousId or email) */
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The profile, its identities and groups */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        profile: components["schemas"]["Profile"];
                    };
                };
            };
            /** @description Missing, unknown or revoked key (or user proof) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Unknown or revoked secret key."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "not_found",
                     *         "message": "Resource not found."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    eraseProfile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The profile's userId (or an anonymousId or email) */
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Erased */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "deleted": {
                     *         "profiles": 1,
                     *         "events": 42
                     *       }
                     *     }
                     */
                    "application/json": {
                        deleted?: {
                            events?: number;
                            profiles?: number;
                        };
                        success?: boolean;
                    };
                };
            };
            /** @description Missing, unknown or revoked key (or user proof) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Unknown or revoked secret key."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "not_found",
                     *         "message": "Resource not found."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listProfileEvents: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                /** @description The profile's userId (or an anonymousId or email) */
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Pass nextCursor as `cursor` for the next page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventPage"];
                };
            };
            /** @description Malformed request (not JSON, wrong shape) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "invalid_json",
                     *         "message": "Body is not JSON."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown or revoked key (or user proof) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Unknown or revoked secret key."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "not_found",
                     *         "message": "Resource not found."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input; `details.issues` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "validation_failed",
                     *         "message": "userId: Name the recipient by userId.",
                     *         "details": {
                     *           "issues": [
                     *             {
                     *               "field": "userId",
                     *               "message": "Name the recipient by userId."
                     *             }
                     *           ]
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listProfileMessages: {
        parameters: {
            query?: {
                channel?: "email" | "in_app";
                cursor?: string;
                limit?: number;
                status?: string;
            };
            header?: never;
            path: {
                /** @description The profile's userId (or an anonymousId or email) */
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of messages */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "messages": [
                     *         {
                     *           "id": "cmiv2k8q30001qk08c1b2x7yz",
                     *           "channel": "email",
                     *           "status": "opened",
                     *           "source": "journey",
                     *           "userId": "user_123",
                     *           "profileId": "01937c5e-8f2a-7c3e-9a41-5b2f0e6d7c10",
                     *           "templateId": null,
                     *           "journeyId": "cmiv1z0a20000qk08h4j5k6lm",
                     *           "runId": "01937c5e-9b11-7d02-8e55-0c3a2f1b4d99",
                     *           "nodeId": "welcome-email",
                     *           "to": "ada@example.com",
                     *           "subject": "Welcome, Ada",
                     *           "transactional": false,
                     *           "providerId": "4ef9a417-02e9-4d39-ad75-9611e0fcc33c",
                     *           "error": null,
                     *           "attempts": 1,
                     *           "nextAttemptAt": null,
                     *           "lifecycle": {
                     *             "queuedAt": "2026-12-07T10:00:00.000Z",
                     *             "sentAt": "2026-12-07T10:00:01.204Z",
                     *             "deliveredAt": "2026-12-07T10:00:03.880Z",
                     *             "openedAt": "2026-12-07T10:14:52.000Z",
                     *             "clickedAt": null,
                     *             "bouncedAt": null,
                     *             "complainedAt": null,
                     *             "failedAt": null,
                     *             "skippedAt": null,
                     *             "seenAt": null,
                     *             "readAt": null,
                     *             "archivedAt": null
                     *           },
                     *           "createdAt": "2026-12-07T10:00:00.000Z",
                     *           "updatedAt": "2026-12-07T10:14:52.000Z"
                     *         },
                     *         {
                     *           "id": "cmiv2m1d90003qk08r7s8t9uv",
                     *           "channel": "in_app",
                     *           "status": "read",
                     *           "source": "api",
                     *           "userId": "user_123",
                     *           "profileId": "01937c5e-8f2a-7c3e-9a41-5b2f0e6d7c10",
                     *           "templateId": null,
                     *           "journeyId": null,
                     *           "runId": null,
                     *           "nodeId": null,
                     *           "to": null,
                     *           "subject": null,
                     *           "transactional": false,
                     *           "providerId": null,
                     *           "error": null,
                     *           "attempts": 0,
                     *           "nextAttemptAt": null,
                     *           "lifecycle": {
                     *             "queuedAt": "2026-12-07T09:00:00.000Z",
                     *             "sentAt": "2026-12-07T09:00:00.000Z",
                     *             "deliveredAt": "2026-12-07T09:03:10.000Z",
                     *             "openedAt": null,
                     *             "clickedAt": null,
                     *             "bouncedAt": null,
                     *             "complainedAt": null,
                     *             "failedAt": null,
                     *             "skippedAt": null,
                     *             "seenAt": "2026-12-07T09:03:11.000Z",
                     *             "readAt": "2026-12-07T09:03:40.000Z",
                     *             "archivedAt": null
                     *           },
                     *           "createdAt": "2026-12-07T09:00:00.000Z",
                     *           "updatedAt": "2026-12-07T09:03:40.000Z"
                     *         }
                     *       ],
                     *       "nextCursor": "MjAyNi0xMi0wN1QwOTowMDowMC4wMDBafGNtaXYybTFkOTAwMDNxazA4cjdzOHQ5dXY"
                     *     }
                     */
                    "application/json": components["schemas"]["MessagePage"];
                };
            };
            /** @description Missing, unknown or revoked key (or user proof) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Unknown or revoked secret key."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "not_found",
                     *         "message": "Resource not found."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input; `details.issues` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "validation_failed",
                     *         "message": "userId: Name the recipient by userId.",
                     *         "details": {
                     *           "issues": [
                     *             {
                     *               "field": "userId",
                     *               "message": "Name the recipient by userId."
                     *             }
                     *           ]
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getProfilePreferences: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The profile's userId, anonymousId, email or id */
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every topic of the workspace with the profile's choice per channel */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "topics": [
                     *         {
                     *           "topic": "product-tips",
                     *           "name": "Product tips",
                     *           "description": "Ideas to get more out of Acme",
                     *           "unsubscribable": true,
                     *           "channels": {
                     *             "email": false,
                     *             "in_app": true
                     *           }
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        topics: components["schemas"]["TopicPreference"][];
                    };
                };
            };
            /** @description Missing, unknown or revoked key (or user proof) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Unknown or revoked secret key."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "not_found",
                     *         "message": "Resource not found."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    setProfilePreferences: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The profile's userId, anonymousId, email or id */
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "preferences": [
                 *         {
                 *           "topic": "product-tips",
                 *           "channel": "email",
                 *           "subscribed": false
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["PreferencesInput"];
            };
        };
        responses: {
            /** @description Every topic of the workspace with the profile's choice per channel */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "topics": [
                     *         {
                     *           "topic": "product-tips",
                     *           "name": "Product tips",
                     *           "description": "Ideas to get more out of Acme",
                     *           "unsubscribable": true,
                     *           "channels": {
                     *             "email": false,
                     *             "in_app": true
                     *           }
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        topics: components["schemas"]["TopicPreference"][];
                    };
                };
            };
            /** @description Malformed request (not JSON, wrong shape) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "invalid_json",
                     *         "message": "Body is not JSON."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown or revoked key (or user proof) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Unknown or revoked secret key."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "not_found",
                     *         "message": "Resource not found."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input; `details.issues` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "validation_failed",
                     *         "message": "userId: Name the recipient by userId.",
                     *         "details": {
                     *           "issues": [
                     *             {
                     *               "field": "userId",
                     *               "message": "Name the recipient by userId."
                     *             }
                     *           ]
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listProfileRuns: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                /** @description The profile's userId (or an anonymousId or email) */
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Runs, newest entry first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "runs": [
                     *         {
                     *           "id": "01937c5e-9b11-7d02-8e55-0c3a2f1b4d99",
                     *           "journey": {
                     *             "id": "cmiv1z0a20000qk08h4j5k6lm",
                     *             "name": "Onboarding"
                     *           },
                     *           "versionId": "cmiv1z9x10002qk08abcdefgh",
                     *           "version": 3,
                     *           "profileId": "01937c5e-8f2a-7c3e-9a41-5b2f0e6d7c10",
                     *           "status": "waiting",
                     *           "nodeId": "wait-2-days",
                     *           "holdout": false,
                     *           "enteredAt": "2026-12-07T10:00:00.000Z",
                     *           "endedAt": null,
                     *           "convertedAt": null,
                     *           "wakeAt": "2026-12-09T10:00:00.000Z",
                     *           "trace": [
                     *             {
                     *               "id": "101",
                     *               "at": "2026-12-07T10:00:00.000Z",
                     *               "nodeId": "trigger",
                     *               "step": "When \"Signed Up\" happens",
                     *               "decision": "entered",
                     *               "reason": "Signed Up matched the trigger",
                     *               "data": null
                     *             },
                     *             {
                     *               "id": "102",
                     *               "at": "2026-12-07T10:00:00.000Z",
                     *               "nodeId": "welcome-email",
                     *               "step": "Welcome email",
                     *               "decision": "sent",
                     *               "reason": "Sent an email message",
                     *               "data": null
                     *             },
                     *             {
                     *               "id": "103",
                     *               "at": "2026-12-07T10:00:00.000Z",
                     *               "nodeId": "wait-2-days",
                     *               "step": "Wait 2 days",
                     *               "decision": "waiting",
                     *               "reason": "Wait 2 days, until 2026-12-09T10:00:00.000Z",
                     *               "data": null
                     *             }
                     *           ],
                     *           "messages": [
                     *             {
                     *               "id": "cmiv2k8q30001qk08c1b2x7yz",
                     *               "nodeId": "welcome-email",
                     *               "channel": "email",
                     *               "status": "opened",
                     *               "subject": "Welcome, Ada",
                     *               "error": null,
                     *               "createdAt": "2026-12-07T10:00:00.000Z"
                     *             }
                     *           ]
                     *         }
                     *       ],
                     *       "nextCursor": null
                     *     }
                     */
                    "application/json": {
                        nextCursor: string | null;
                        runs: components["schemas"]["Run"][];
                    };
                };
            };
            /** @description Missing, unknown or revoked key (or user proof) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Unknown or revoked secret key."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "not_found",
                     *         "message": "Resource not found."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input; `details.issues` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "validation_failed",
                     *         "message": "userId: Name the recipient by userId.",
                     *         "details": {
                     *           "issues": [
                     *             {
                     *               "field": "userId",
                     *               "message": "Name the recipient by userId."
                     *             }
                     *           ]
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    screen: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "userId": "user_123",
                 *       "name": "Settings"
                 *     }
                 */
                "application/json": components["schemas"]["ScreenCall"];
            };
        };
        responses: {
            /** @description Stored (see `rejected` for calls refused one by one) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["IngestResult"];
                };
            };
            /** @description Malformed request (not JSON, wrong shape) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "invalid_json",
                     *         "message": "Body is not JSON."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown or revoked key (or user proof) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Unknown or revoked secret key."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "payload_too_large",
                     *         "message": "Body too large."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; honour Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "rate_limited",
                     *         "message": "Slow down."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listSegments: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The workspace's segments */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        segments?: {
                            /** Format: date-time */
                            computedAt?: string | null;
                            /** @description The condition (the journey filters' language); null when manual */
                            condition?: unknown;
                            /** Format: date-time */
                            createdAt?: string;
                            description?: string;
                            id: string;
                            /** @enum {string} */
                            kind: "condition" | "manual";
                            name: string;
                            /** @description Members now */
                            size: number;
                            /** @enum {string} */
                            status: "computing" | "ready";
                            /** Format: date-time */
                            updatedAt?: string;
                        }[];
                    };
                };
            };
            /** @description Missing, unknown or revoked key (or user proof) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Unknown or revoked secret key."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createSegment: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "kind": "condition",
                 *       "name": "Trial users from ads in their first 7 days",
                 *       "condition": {
                 *         "all": [
                 *           {
                 *             "kind": "trait",
                 *             "path": "plan",
                 *             "operator": "eq",
                 *             "value": "trial"
                 *           },
                 *           {
                 *             "kind": "trait",
                 *             "path": "utm_source",
                 *             "operator": "eq",
                 *             "value": "ads"
                 *           },
                 *           {
                 *             "kind": "first_seen_within",
                 *             "within": {
                 *               "amount": 7,
                 *               "unit": "days"
                 *             }
                 *           }
                 *         ]
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["SegmentInput"];
            };
        };
        responses: {
            /** @description The new segment (status computing) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        segment: {
                            /** Format: date-time */
                            computedAt?: string | null;
                            /** @description The condition (the journey filters' language); null when manual */
                            condition?: unknown;
                            /** Format: date-time */
                            createdAt?: string;
                            description?: string;
                            id: string;
                            /** @enum {string} */
                            kind: "condition" | "manual";
                            name: string;
                            /** @description Members now */
                            size: number;
                            /** @enum {string} */
                            status: "computing" | "ready";
                            /** Format: date-time */
                            updatedAt?: string;
                        };
                    };
                };
            };
            /** @description Malformed request (not JSON, wrong shape) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "invalid_json",
                     *         "message": "Body is not JSON."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown or revoked key (or user proof) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Unknown or revoked secret key."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "conflict",
                     *         "message": "Not allowed now."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input; `details.issues` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "validation_failed",
                     *         "message": "userId: Name the recipient by userId.",
                     *         "details": {
                     *           "issues": [
                     *             {
                     *               "field": "userId",
                     *               "message": "Name the recipient by userId."
                     *             }
                     *           ]
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSegment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The segment id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The segment */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        segment: {
                            /** Format: date-time */
                            computedAt?: string | null;
                            /** @description The condition (the journey filters' language); null when manual */
                            condition?: unknown;
                            /** Format: date-time */
                            createdAt?: string;
                            description?: string;
                            id: string;
                            /** @enum {string} */
                            kind: "condition" | "manual";
                            name: string;
                            /** @description Members now */
                            size: number;
                            /** @enum {string} */
                            status: "computing" | "ready";
                            /** Format: date-time */
                            updatedAt?: string;
                        };
                    };
                };
            };
            /** @description Missing, unknown or revoked key (or user proof) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Unknown or revoked secret key."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "not_found",
                     *         "message": "Resource not found."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteSegment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The segment id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, unknown or revoked key (or user proof) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Unknown or revoked secret key."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "not_found",
                     *         "message": "Resource not found."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateSegment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The segment id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Trial users (ads)"
                 *     }
                 */
                "application/json": components["schemas"]["SegmentPatch"];
            };
        };
        responses: {
            /** @description The segment after the change */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        segment: {
                            /** Format: date-time */
                            computedAt?: string | null;
                            /** @description The condition (the journey filters' language); null when manual */
                            condition?: unknown;
                            /** Format: date-time */
                            createdAt?: string;
                            description?: string;
                            id: string;
                            /** @enum {string} */
                            kind: "condition" | "manual";
                            name: string;
                            /** @description Members now */
                            size: number;
                            /** @enum {string} */
                            status: "computing" | "ready";
                            /** Format: date-time */
                            updatedAt?: string;
                        };
                    };
                };
            };
            /** @description Malformed request (not JSON, wrong shape) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "invalid_json",
                     *         "message": "Body is not JSON."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown or revoked key (or user proof) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Unknown or revoked secret key."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "not_found",
                     *         "message": "Resource not found."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "conflict",
                     *         "message": "Not allowed now."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input; `details.issues` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "validation_failed",
                     *         "message": "userId: Name the recipient by userId.",
                     *         "details": {
                     *           "issues": [
                     *             {
                     *               "field": "userId",
                     *               "message": "Name the recipient by userId."
                     *             }
                     *           ]
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    explainSegmentMembership: {
        parameters: {
            query: {
                /** @description A profile id, userId, anonymousId or email */
                profile: string;
            };
            header?: never;
            path: {
                /** @description The segment id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The explanation */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        explanation?: {
                            changes?: Record<string, never>[];
                            conditions?: Record<string, never>[];
                            detail?: string;
                            matchesNow?: boolean | null;
                            member?: boolean;
                            profileId?: string;
                        };
                    };
                };
            };
            /** @description Missing, unknown or revoked key (or user proof) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Unknown or revoked secret key."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "not_found",
                     *         "message": "Resource not found."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input; `details.issues` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "validation_failed",
                     *         "message": "userId: Name the recipient by userId.",
                     *         "details": {
                     *           "issues": [
                     *             {
                     *               "field": "userId",
                     *               "message": "Name the recipient by userId."
                     *             }
                     *           ]
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSegmentSizeHistory: {
        parameters: {
            query?: {
                days?: number;
            };
            header?: never;
            path: {
                /** @description The segment id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One point per day (UTC) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        points?: {
                            /** Format: date */
                            day?: string;
                            entries?: number;
                            exits?: number;
                            size?: number;
                        }[];
                    };
                };
            };
            /** @description Missing, unknown or revoked key (or user proof) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Unknown or revoked secret key."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "not_found",
                     *         "message": "Resource not found."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input; `details.issues` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "validation_failed",
                     *         "message": "userId: Name the recipient by userId.",
                     *         "details": {
                     *           "issues": [
                     *             {
                     *               "field": "userId",
                     *               "message": "Name the recipient by userId."
                     *             }
                     *           ]
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    importSegmentMembers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The segment id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "csv": "userId\nu_1\nada@example.com",
                 *       "mode": "add"
                 *     }
                 */
                "application/json": components["schemas"]["ImportSegmentMembers"];
            };
        };
        responses: {
            /** @description What the import changed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        entered?: number;
                        exited?: number;
                        matched?: number;
                        rows?: number;
                        unknown?: string[];
                    };
                };
            };
            /** @description Malformed request (not JSON, wrong shape) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "invalid_json",
                     *         "message": "Body is not JSON."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown or revoked key (or user proof) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Unknown or revoked secret key."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "not_found",
                     *         "message": "Resource not found."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input; `details.issues` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "validation_failed",
                     *         "message": "userId: Name the recipient by userId.",
                     *         "details": {
                     *           "issues": [
                     *             {
                     *               "field": "userId",
                     *               "message": "Name the recipient by userId."
                     *             }
                     *           ]
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listSegmentMembers: {
        parameters: {
            query?: {
                after?: string;
                limit?: number;
                search?: string;
            };
            header?: never;
            path: {
                /** @description The segment id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of members */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        members?: {
                            email?: string | null;
                            /** Format: date-time */
                            enteredAt?: string;
                            profileId?: string;
                            userId?: string | null;
                        }[];
                        /** @description Pass as `after` for the next page */
                        nextAfter?: string | null;
                    };
                };
            };
            /** @description Missing, unknown or revoked key (or user proof) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Unknown or revoked secret key."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "not_found",
                     *         "message": "Resource not found."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input; `details.issues` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "validation_failed",
                     *         "message": "userId: Name the recipient by userId.",
                     *         "details": {
                     *           "issues": [
                     *             {
                     *               "field": "userId",
                     *               "message": "Name the recipient by userId."
                     *             }
                     *           ]
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    exportSegmentMembers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The segment id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description CSV */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description Missing, unknown or revoked key (or user proof) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Unknown or revoked secret key."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "not_found",
                     *         "message": "Resource not found."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getActivation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The setting */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "activation": {
                     *         "events": [
                     *           "Report Created"
                     *         ],
                     *         "windowDays": 7
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ActivationView"];
                };
            };
            /** @description Missing, unknown or revoked key (or user proof) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Unknown or revoked secret key."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putActivation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "activation": {
                 *         "events": [
                 *           "Report Created",
                 *           "Dashboard Shared"
                 *         ],
                 *         "windowDays": 7
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["Activation"];
            };
        };
        responses: {
            /** @description The setting now */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "activation": {
                     *         "events": [
                     *           "Report Created",
                     *           "Dashboard Shared"
                     *         ],
                     *         "windowDays": 7
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ActivationView"];
                };
            };
            /** @description Malformed request (not JSON, wrong shape) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "invalid_json",
                     *         "message": "Body is not JSON."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown or revoked key (or user proof) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Unknown or revoked secret key."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input; `details.issues` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "validation_failed",
                     *         "message": "userId: Name the recipient by userId.",
                     *         "details": {
                     *           "issues": [
                     *             {
                     *               "field": "userId",
                     *               "message": "Name the recipient by userId."
                     *             }
                     *           ]
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getAllowedOrigins: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The origins */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "origins": [
                     *         "https://app.acme.com"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["AllowedOriginsView"];
                };
            };
            /** @description Missing, unknown or revoked key (or user proof) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Unknown or revoked secret key."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putAllowedOrigins: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "origins": [
                 *         "https://app.acme.com",
                 *         "http://localhost:5173"
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["AllowedOrigins"];
            };
        };
        responses: {
            /** @description The origins now */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "origins": [
                     *         "https://app.acme.com",
                     *         "http://localhost:5173"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["AllowedOriginsView"];
                };
            };
            /** @description Malformed request (not JSON, wrong shape) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "invalid_json",
                     *         "message": "Body is not JSON."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown or revoked key (or user proof) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Unknown or revoked secret key."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input; `details.issues` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "validation_failed",
                     *         "message": "userId: Name the recipient by userId.",
                     *         "details": {
                     *           "issues": [
                     *             {
                     *               "field": "userId",
                     *               "message": "Name the recipient by userId."
                     *             }
                     *           ]
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getEmailSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The settings */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "emailFrom": "Acme <hello@acme.com>",
                     *       "replyTo": "support@acme.com",
                     *       "defaultFrom": "Cue <onboarding@resend.dev>",
                     *       "resendApiKey": {
                     *         "source": "workspace",
                     *         "hint": "re_…9f3a"
                     *       },
                     *       "ratePerSecond": 2
                     *     }
                     */
                    "application/json": components["schemas"]["EmailSettingsView"];
                };
            };
            /** @description Missing, unknown or revoked key (or user proof) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Unknown or revoked secret key."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putEmailSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "emailFrom": "Acme <hello@acme.com>",
                 *       "replyTo": "support@acme.com",
                 *       "resendApiKey": "re_123456789abcdef",
                 *       "ratePerSecond": 2
                 *     }
                 */
                "application/json": components["schemas"]["EmailSettings"];
            };
        };
        responses: {
            /** @description The settings now */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "emailFrom": "Acme <hello@acme.com>",
                     *       "replyTo": "support@acme.com",
                     *       "defaultFrom": "Cue <onboarding@resend.dev>",
                     *       "resendApiKey": {
                     *         "source": "workspace",
                     *         "hint": "re_…9f3a"
                     *       },
                     *       "ratePerSecond": 2
                     *     }
                     */
                    "application/json": components["schemas"]["EmailSettingsView"];
                };
            };
            /** @description Malformed request (not JSON, wrong shape) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "invalid_json",
                     *         "message": "Body is not JSON."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown or revoked key (or user proof) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Unknown or revoked secret key."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input; `details.issues` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "validation_failed",
                     *         "message": "userId: Name the recipient by userId.",
                     *         "details": {
                     *           "issues": [
                     *             {
                     *               "field": "userId",
                     *               "message": "Name the recipient by userId."
                     *             }
                     *           ]
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listTemplates: {
        parameters: {
            query?: {
                channel?: "email" | "in_app";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The templates */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "templates": [
                     *         {
                     *           "id": "cmiv3a7b20005qk08w1x2y3z4",
                     *           "channel": "in_app",
                     *           "name": "Trial ending (in-app)",
                     *           "content": {
                     *             "channel": "in_app",
                     *             "inApp": {
                     *               "kind": "card",
                     *               "title": "Your trial ends in {{ event.days }} days",
                     *               "body": "Pick a plan to keep your **{{ profile.traits.company | default: 'workspace' }}**.",
                     *               "ctaLabel": "See plans",
                     *               "ctaUrl": "/billing",
                     *               "expiresInHours": 72
                     *             }
                     *           },
                     *           "createdAt": "2026-12-07T10:00:00.000Z",
                     *           "updatedAt": "2026-12-07T10:00:00.000Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        templates: components["schemas"]["MessageTemplate"][];
                    };
                };
            };
            /** @description Missing, unknown or revoked key (or user proof) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Unknown or revoked secret key."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input; `details.issues` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "validation_failed",
                     *         "message": "userId: Name the recipient by userId.",
                     *         "details": {
                     *           "issues": [
                     *             {
                     *               "field": "userId",
                     *               "message": "Name the recipient by userId."
                     *             }
                     *           ]
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TemplateInput"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "template": {
                     *         "id": "cmiv3a7b20005qk08w1x2y3z4",
                     *         "channel": "in_app",
                     *         "name": "Trial ending (in-app)",
                     *         "content": {
                     *           "channel": "in_app",
                     *           "inApp": {
                     *             "kind": "card",
                     *             "title": "Your trial ends in {{ event.days }} days",
                     *             "body": "Pick a plan to keep your **{{ profile.traits.company | default: 'workspace' }}**.",
                     *             "ctaLabel": "See plans",
                     *             "ctaUrl": "/billing",
                     *             "expiresInHours": 72
                     *           }
                     *         },
                     *         "createdAt": "2026-12-07T10:00:00.000Z",
                     *         "updatedAt": "2026-12-07T10:00:00.000Z"
                     *       }
                     *     }
                     */
                    "application/json": {
                        template: components["schemas"]["MessageTemplate"];
                    };
                };
            };
            /** @description Malformed request (not JSON, wrong shape) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "invalid_json",
                     *         "message": "Body is not JSON."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown or revoked key (or user proof) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Unknown or revoked secret key."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input; `details.issues` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "validation_failed",
                     *         "message": "userId: Name the recipient by userId.",
                     *         "details": {
                     *           "issues": [
                     *             {
                     *               "field": "userId",
                     *               "message": "Name the recipient by userId."
                     *             }
                     *           ]
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The template id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The template */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "template": {
                     *         "id": "cmiv3a7b20005qk08w1x2y3z4",
                     *         "channel": "in_app",
                     *         "name": "Trial ending (in-app)",
                     *         "content": {
                     *           "channel": "in_app",
                     *           "inApp": {
                     *             "kind": "card",
                     *             "title": "Your trial ends in {{ event.days }} days",
                     *             "body": "Pick a plan to keep your **{{ profile.traits.company | default: 'workspace' }}**.",
                     *             "ctaLabel": "See plans",
                     *             "ctaUrl": "/billing",
                     *             "expiresInHours": 72
                     *           }
                     *         },
                     *         "createdAt": "2026-12-07T10:00:00.000Z",
                     *         "updatedAt": "2026-12-07T10:00:00.000Z"
                     *       }
                     *     }
                     */
                    "application/json": {
                        template: components["schemas"]["MessageTemplate"];
                    };
                };
            };
            /** @description Missing, unknown or revoked key (or user proof) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Unknown or revoked secret key."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "not_found",
                     *         "message": "Resource not found."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The template id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TemplateInput"];
            };
        };
        responses: {
            /** @description The template after the change */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "template": {
                     *         "id": "cmiv3a7b20005qk08w1x2y3z4",
                     *         "channel": "in_app",
                     *         "name": "Trial ending (in-app)",
                     *         "content": {
                     *           "channel": "in_app",
                     *           "inApp": {
                     *             "kind": "card",
                     *             "title": "Your trial ends in {{ event.days }} days",
                     *             "body": "Pick a plan to keep your **{{ profile.traits.company | default: 'workspace' }}**.",
                     *             "ctaLabel": "See plans",
                     *             "ctaUrl": "/billing",
                     *             "expiresInHours": 72
                     *           }
                     *         },
                     *         "createdAt": "2026-12-07T10:00:00.000Z",
                     *         "updatedAt": "2026-12-07T10:00:00.000Z"
                     *       }
                     *     }
                     */
                    "application/json": {
                        template: components["schemas"]["MessageTemplate"];
                    };
                };
            };
            /** @description Malformed request (not JSON, wrong shape) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "invalid_json",
                     *         "message": "Body is not JSON."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown or revoked key (or user proof) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Unknown or revoked secret key."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "not_found",
                     *         "message": "Resource not found."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input; `details.issues` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "validation_failed",
                     *         "message": "userId: Name the recipient by userId.",
                     *         "details": {
                     *           "issues": [
                     *             {
                     *               "field": "userId",
                     *               "message": "Name the recipient by userId."
                     *             }
                     *           ]
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The template id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, unknown or revoked key (or user proof) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Unknown or revoked secret key."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "not_found",
                     *         "message": "Resource not found."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listTopics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description By name */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "topics": [
                     *         {
                     *           "id": "cmiv3a7b20009qk08topic0001",
                     *           "key": "product-tips",
                     *           "name": "Product tips",
                     *           "description": "Ideas to get more out of Acme",
                     *           "unsubscribable": true,
                     *           "trait": {
                     *             "key": "unsubscribed_from_tips",
                     *             "whenTrue": "unsubscribed",
                     *             "channel": null
                     *           },
                     *           "createdAt": "2026-12-07T10:00:00.000Z",
                     *           "updatedAt": "2026-12-07T10:00:00.000Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        topics: components["schemas"]["Topic"][];
                    };
                };
            };
            /** @description Missing, unknown or revoked key (or user proof) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Unknown or revoked secret key."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createTopic: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "key": "product-tips",
                 *       "name": "Product tips",
                 *       "description": "Ideas to get more out of Acme"
                 *     }
                 */
                "application/json": components["schemas"]["TopicInput"];
            };
        };
        responses: {
            /** @description The topic */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "topic": {
                     *         "id": "cmiv3a7b20009qk08topic0001",
                     *         "key": "product-tips",
                     *         "name": "Product tips",
                     *         "description": "Ideas to get more out of Acme",
                     *         "unsubscribable": true,
                     *         "trait": {
                     *           "key": "unsubscribed_from_tips",
                     *           "whenTrue": "unsubscribed",
                     *           "channel": null
                     *         },
                     *         "createdAt": "2026-12-07T10:00:00.000Z",
                     *         "updatedAt": "2026-12-07T10:00:00.000Z"
                     *       }
                     *     }
                     */
                    "application/json": {
                        topic: components["schemas"]["Topic"];
                    };
                };
            };
            /** @description Malformed request (not JSON, wrong shape) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "invalid_json",
                     *         "message": "Body is not JSON."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown or revoked key (or user proof) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Unknown or revoked secret key."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "conflict",
                     *         "message": "Not allowed now."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input; `details.issues` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "validation_failed",
                     *         "message": "userId: Name the recipient by userId.",
                     *         "details": {
                     *           "issues": [
                     *             {
                     *               "field": "userId",
                     *               "message": "Name the recipient by userId."
                     *             }
                     *           ]
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getTopic: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The topic's key */
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The topic */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "topic": {
                     *         "id": "cmiv3a7b20009qk08topic0001",
                     *         "key": "product-tips",
                     *         "name": "Product tips",
                     *         "description": "Ideas to get more out of Acme",
                     *         "unsubscribable": true,
                     *         "trait": {
                     *           "key": "unsubscribed_from_tips",
                     *           "whenTrue": "unsubscribed",
                     *           "channel": null
                     *         },
                     *         "createdAt": "2026-12-07T10:00:00.000Z",
                     *         "updatedAt": "2026-12-07T10:00:00.000Z"
                     *       }
                     *     }
                     */
                    "application/json": {
                        topic: components["schemas"]["Topic"];
                    };
                };
            };
            /** @description Missing, unknown or revoked key (or user proof) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Unknown or revoked secret key."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "not_found",
                     *         "message": "Resource not found."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteTopic: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The topic's key */
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, unknown or revoked key (or user proof) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Unknown or revoked secret key."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "not_found",
                     *         "message": "Resource not found."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateTopic: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The topic's key */
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Tips and tricks",
                 *       "trait": {
                 *         "key": "unsubscribed_from_tips",
                 *         "whenTrue": "unsubscribed"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["TopicUpdate"];
            };
        };
        responses: {
            /** @description The topic */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "topic": {
                     *         "id": "cmiv3a7b20009qk08topic0001",
                     *         "key": "product-tips",
                     *         "name": "Product tips",
                     *         "description": "Ideas to get more out of Acme",
                     *         "unsubscribable": true,
                     *         "trait": {
                     *           "key": "unsubscribed_from_tips",
                     *           "whenTrue": "unsubscribed",
                     *           "channel": null
                     *         },
                     *         "createdAt": "2026-12-07T10:00:00.000Z",
                     *         "updatedAt": "2026-12-07T10:00:00.000Z"
                     *       }
                     *     }
                     */
                    "application/json": {
                        topic: components["schemas"]["Topic"];
                    };
                };
            };
            /** @description Malformed request (not JSON, wrong shape) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "invalid_json",
                     *         "message": "Body is not JSON."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown or revoked key (or user proof) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Unknown or revoked secret key."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "not_found",
                     *         "message": "Resource not found."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input; `details.issues` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "validation_failed",
                     *         "message": "userId: Name the recipient by userId.",
                     *         "details": {
                     *           "issues": [
                     *             {
                     *               "field": "userId",
                     *               "message": "Name the recipient by userId."
                     *             }
                     *           ]
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    track: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "userId": "user_123",
                 *       "event": "Trial Started",
                 *       "properties": {
                 *         "plan": "pro"
                 *       },
                 *       "timestamp": "2026-12-07T10:00:00Z"
                 *     }
                 */
                "application/json": components["schemas"]["TrackCall"];
            };
        };
        responses: {
            /** @description Stored (see `rejected` for calls refused one by one) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["IngestResult"];
                };
            };
            /** @description Malformed request (not JSON, wrong shape) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "invalid_json",
                     *         "message": "Body is not JSON."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown or revoked key (or user proof) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Unknown or revoked secret key."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "payload_too_large",
                     *         "message": "Body too large."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; honour Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "rate_limited",
                     *         "message": "Slow down."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listWebhooks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The endpoints */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        webhooks?: components["schemas"]["Webhook"][];
                    };
                };
            };
            /** @description Missing, unknown or revoked key (or user proof) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Unknown or revoked secret key."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "url": "https://example.com/webhooks/cue",
                 *       "eventTypes": [
                 *         "message.delivered",
                 *         "journey.converted"
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["CreateWebhook"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookWithSecret"];
                };
            };
            /** @description Malformed request (not JSON, wrong shape) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "invalid_json",
                     *         "message": "Body is not JSON."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown or revoked key (or user proof) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Unknown or revoked secret key."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "not_found",
                     *         "message": "Resource not found."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input; `details.issues` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "validation_failed",
                     *         "message": "userId: Name the recipient by userId.",
                     *         "details": {
                     *           "issues": [
                     *             {
                     *               "field": "userId",
                     *               "message": "Name the recipient by userId."
                     *             }
                     *           ]
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The webhook endpoint id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The endpoint */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        webhook: components["schemas"]["Webhook"];
                    };
                };
            };
            /** @description Missing, unknown or revoked key (or user proof) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Unknown or revoked secret key."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "not_found",
                     *         "message": "Resource not found."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The webhook endpoint id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, unknown or revoked key (or user proof) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Unknown or revoked secret key."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "not_found",
                     *         "message": "Resource not found."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The webhook endpoint id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "enabled": false
                 *     }
                 */
                "application/json": components["schemas"]["UpdateWebhook"];
            };
        };
        responses: {
            /** @description The endpoint after the change */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        webhook: components["schemas"]["Webhook"];
                    };
                };
            };
            /** @description Malformed request (not JSON, wrong shape) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "invalid_json",
                     *         "message": "Body is not JSON."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown or revoked key (or user proof) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Unknown or revoked secret key."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "not_found",
                     *         "message": "Resource not found."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input; `details.issues` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "validation_failed",
                     *         "message": "userId: Name the recipient by userId.",
                     *         "details": {
                     *           "issues": [
                     *             {
                     *               "field": "userId",
                     *               "message": "Name the recipient by userId."
                     *             }
                     *           ]
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listWebhookDeliveries: {
        parameters: {
            query?: {
                /** @description A delivery id from the previous page (its nextCursor): older deliveries. */
                before?: string;
                limit?: number;
                status?: "pending" | "succeeded" | "failed";
            };
            header?: never;
            path: {
                /** @description The webhook endpoint id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deliveries */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryPage"];
                };
            };
            /** @description Malformed request (not JSON, wrong shape) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "invalid_json",
                     *         "message": "Body is not JSON."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown or revoked key (or user proof) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Unknown or revoked secret key."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "not_found",
                     *         "message": "Resource not found."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid input; `details.issues` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "validation_failed",
                     *         "message": "userId: Name the recipient by userId.",
                     *         "details": {
                     *           "issues": [
                     *             {
                     *               "field": "userId",
                     *               "message": "Name the recipient by userId."
                     *             }
                     *           ]
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    replayWebhookDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The delivery id */
                deliveryId: string;
                /** @description The webhook endpoint id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Queued again */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        replayed?: string;
                    };
                };
            };
            /** @description Missing, unknown or revoked key (or user proof) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Unknown or revoked secret key."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "not_found",
                     *         "message": "Resource not found."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "conflict",
                     *         "message": "Not allowed now."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    rotateWebhookSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The webhook endpoint id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The new secret */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookWithSecret"];
                };
            };
            /** @description Missing, unknown or revoked key (or user proof) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Unknown or revoked secret key."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "not_found",
                     *         "message": "Resource not found."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    testWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The webhook endpoint id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Queued; see its delivery */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        deliveryId?: string;
                    };
                };
            };
            /** @description Missing, unknown or revoked key (or user proof) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Unknown or revoked secret key."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "not_found",
                     *         "message": "Resource not found."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "conflict",
                     *         "message": "Not allowed now."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getWorkspace: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The workspace */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "workspace": {
                     *         "id": "cmiv0a1b20000qk08demo0001",
                     *         "name": "Acme",
                     *         "createdAt": "2026-11-02T08:00:00.000Z",
                     *         "allowedOrigins": [
                     *           "https://app.acme.com"
                     *         ],
                     *         "deliveryRules": {
                     *           "rules": {
                     *             "frequency": {
                     *               "windowHours": 24,
                     *               "max": 3,
                     *               "onLimit": "defer"
                     *             },
                     *             "quietHours": {
                     *               "start": "21:00",
                     *               "end": "08:00",
                     *               "onQuiet": "defer",
                     *               "channels": [
                     *                 "email"
                     *               ]
                     *             }
                     *           },
                     *           "isDefault": true
                     *         },
                     *         "email": {
                     *           "emailFrom": "Acme <hello@acme.com>",
                     *           "replyTo": "support@acme.com",
                     *           "defaultFrom": "Cue <onboarding@resend.dev>",
                     *           "resendApiKey": {
                     *             "source": "workspace",
                     *             "hint": "re_…9f3a"
                     *           },
                     *           "ratePerSecond": 2
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": {
                        workspace: components["schemas"]["Workspace"];
                    };
                };
            };
            /** @description Missing, unknown or revoked key (or user proof) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Unknown or revoked secret key."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getRudderSourceConfig: {
        parameters: {
            query?: {
                writeKey?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RudderStack source configuration */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "isHosted": false,
                     *       "source": {
                     *         "id": "cue-…",
                     *         "name": "Cue",
                     *         "writeKey": "wk_…",
                     *         "enabled": true,
                     *         "destinations": []
                     *       }
                     *     }
                     */
                    "application/json": Record<string, never>;
                };
            };
            /** @description Missing, unknown or revoked key (or user proof) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Unknown or revoked secret key."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSegmentSettings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                writeKey: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Segment settings pointing at Cue */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "integrations": {
                     *         "Segment.io": {
                     *           "apiKey": "wk_…",
                     *           "apiHost": "cue.example.com/v1",
                     *           "protocol": "https"
                     *         }
                     *       },
                     *       "remotePlugins": []
                     *     }
                     */
                    "application/json": Record<string, never>;
                };
            };
            /** @description Missing, unknown or revoked key (or user proof) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "unauthorized",
                     *         "message": "Unknown or revoked secret key."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}
