// The measures of a passing answer (time to first token, output tokens, tokens per second) and the
// words the log gives them. Pure.
import { tokensPerSecond } from "./stream.ts";

export interface Measured {
  ttftMs?: number;
  outputTokens?: number;
  tokensPerSecond?: number;
}

/** Only what was measured: a plain (unstreamed) answer has no first token and no token count. */
export function measure(
  outputTokens: number | undefined,
  ttftMs: number | undefined,
  latencyMs: number,
): Measured {
  const m: Measured = {};
  if (ttftMs !== undefined) m.ttftMs = ttftMs;
  if (outputTokens !== undefined) {
    m.outputTokens = outputTokens;
    const rate = tokensPerSecond(outputTokens, latencyMs);
    if (rate !== undefined) m.tokensPerSecond = rate;
  }
  return m;
}

/** " (first token after 240 ms, 12 output tokens, 40 tokens/s)", or "" when nothing was measured. */
export function describeMeasure(m: Measured): string {
  const parts = [
    m.ttftMs !== undefined ? `first token after ${Math.round(m.ttftMs)} ms` : undefined,
    m.outputTokens !== undefined ? `${m.outputTokens} output tokens` : undefined,
    m.tokensPerSecond !== undefined ? `${m.tokensPerSecond} tokens/s` : undefined,
  ].filter(Boolean);
  return parts.length > 0 ? ` (${parts.join(", ")})` : "";
}
