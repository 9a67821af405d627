/** One way review screens write a time: the same text on the server and in the browser (no locale, UTC). */
export function formatTime(at: Date | string): string {
  const d = typeof at === "string" ? new Date(at) : at;
  return `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
