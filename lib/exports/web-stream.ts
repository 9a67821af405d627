/**
 * An export's chunks as a web ReadableStream for a Response body. Pull-based: the generator is
 * asked for its next chunk only when the client has taken the previous ones (the stream's queue
 * holds at most `highWaterMark` bytes), so a slow download slows the database reads instead of
 * piling the file up in memory. A cancelled download returns the generator, which closes its
 * cursors.
 */
const encoder = new TextEncoder();

/** Bytes queued ahead of the client before the generator is asked again. */
const HIGH_WATER_BYTES = 256 * 1024;

export function toReadableStream(chunks: AsyncIterator<string | Uint8Array>): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        // Skip empty chunks so one pull always enqueues something or ends the stream.
        for (;;) {
          const next = await chunks.next();
          if (next.done) return controller.close();
          const bytes = typeof next.value === "string" ? encoder.encode(next.value) : next.value;
          if (bytes.length === 0) continue;
          return controller.enqueue(bytes);
        }
      },
      async cancel() {
        await chunks.return?.(undefined);
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark: HIGH_WATER_BYTES }),
  );
}
