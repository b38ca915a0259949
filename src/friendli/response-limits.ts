// Bounds on what a response may make the action hold or walk: a hostile or broken server must not
// exhaust the runner's memory with a huge body, nor its stack with JSON nested thousands deep (a
// RangeError there would look like a broken connection and be retried).

/** A response the action will not read (too big or too deep): never retried as a network error. */
export class BadResponseError extends Error {
  override readonly name = "BadResponseError";
}

/** Deeper than any answer of the API (about 5 levels); far below what JSON.stringify or zod survives. */
const MAX_JSON_DEPTH = 64;

/**
 * The body's text, read until `limit` bytes; past it the body is destroyed and BadResponseError thrown.
 * `onChunk` sees each decoded piece as it arrives (a streamed answer is timed by it).
 */
export async function readCapped(
  body: AsyncIterable<Uint8Array> & { destroy?: (err?: Error) => unknown },
  contentLength: string | string[] | undefined,
  limit: number,
  onChunk?: (text: string) => void,
): Promise<string> {
  const decoder = onChunk ? new TextDecoder() : undefined;
  const declared = Number(Array.isArray(contentLength) ? contentLength[0] : contentLength);
  const tooLarge = () =>
    new BadResponseError(`the response is larger than ${Math.ceil(limit / 1024)} KiB, this route's limit`);
  if (Number.isFinite(declared) && declared > limit) {
    body.destroy?.();
    throw tooLarge();
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.byteLength;
    if (size > limit) {
      body.destroy?.();
      throw tooLarge();
    }
    chunks.push(chunk);
    const piece = decoder?.decode(chunk, { stream: true });
    if (piece) onChunk?.(piece);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * Throws for a body whose arrays and objects, read as JSON, nest deeper than MAX_JSON_DEPTH. A
 * linear scan that skips strings: no parse, no recursion; text that is not JSON just counts brackets.
 */
export function checkDepth(text: string): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_JSON_DEPTH)
        throw new BadResponseError(`the body is nested more than ${MAX_JSON_DEPTH} levels deep`);
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
}
