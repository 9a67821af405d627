/**
 * The largest request body a server action accepts: one claim with long wording, a claim-type
 * definition, a page of claim ids. Files are uploaded through the documents route, with their own limit.
 * Read by next.config.ts (Next enforces it while reading the body) and by proxy.ts, which refuses a
 * larger declared body with 413 before Next reads it: past the limit Next itself answers 500.
 */
export const SERVER_ACTION_BODY_LIMIT_BYTES = 2 * 1024 * 1024;

export const SERVER_ACTION_TOO_LARGE_MESSAGE = `This change is larger than the ${SERVER_ACTION_BODY_LIMIT_BYTES / 1024 / 1024} MB a single request may carry, so it was not saved. Shorten it and try again.`;
