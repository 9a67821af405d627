/** Sent on window when an export link is followed, so the recent exports list starts following it. */
export const EXPORT_STARTED_EVENT = "attest:export-started";
