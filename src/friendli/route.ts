// The two routes a smoke test can take, and the path each is sent to.
import { CHAT_PATH, COMPLETIONS_PATH } from "./client.ts";

export type SmokeRoute = "chat" | "completions";

const PATHS: Record<SmokeRoute, string> = { chat: CHAT_PATH, completions: COMPLETIONS_PATH };

export function smokePath(route: SmokeRoute): string {
  return PATHS[route];
}
