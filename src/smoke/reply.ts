// What a successful answer's body says: the reply text of an OpenAI-shaped completion, and the
// excerpts of it (and of error bodies) that the messages quote. Pure.
import { truncate } from "../base/format.ts";
import type { SmokeRoute } from "../friendli/route.ts";

/** How much of the reply goes into the summary. */
const REPLY_CHARS = 200;
/** How much of an error detail or an unexpected body a message quotes. */
export const MAX_DETAIL = 300;

export function bodyText(body: unknown): string {
  if (body === undefined || body === null) return "";
  return typeof body === "string" ? body : JSON.stringify(body);
}

/** The reply text of an OpenAI-shaped chat.completion or text_completion; undefined if absent. */
export function replyText(route: SmokeRoute, body: unknown): string | undefined {
  if (body === null || typeof body !== "object") return undefined;
  const choices = (body as { choices?: unknown }).choices;
  if (!Array.isArray(choices) || choices.length === 0) return undefined;
  const first = choices[0] as Record<string, unknown> | null;
  if (first === null || typeof first !== "object") return undefined;
  if (route === "completions") return typeof first.text === "string" ? first.text : undefined;
  const message = first.message as Record<string, unknown> | null | undefined;
  if (message === null || typeof message !== "object") return undefined;
  const content = message.content;
  if (typeof content === "string") return content;
  // The newer OpenAI shape: an array of typed parts.
  if (Array.isArray(content)) {
    const texts = content
      .map((p) => (p && typeof p === "object" ? (p as { text?: unknown }).text : undefined))
      .filter((t): t is string => typeof t === "string");
    if (texts.length > 0) return texts.join("");
  }
  // A reasoning model may spend a tiny max_tokens before any content; it still answered.
  if (content === null && typeof message.reasoning_content === "string") return message.reasoning_content;
  return undefined;
}

/** Trimmed, then cut by code point (never through a surrogate pair), without a space before the '…'. */
export function excerpt(text: string, max = REPLY_CHARS): string {
  return truncate(text.trim(), max, { ellipsisAfter: true, trimCut: true });
}
