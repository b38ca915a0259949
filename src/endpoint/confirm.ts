// Confirming an endpoint id remembered from elsewhere (the deployment ledger) before acting on it:
// one GET, which must show the expected name in the expected project. Reading only. Anything short
// of that sends the caller back to the ordinary lookup by name, so a stale memory costs one request
// and never points a change at the wrong endpoint.
import type { FriendliClient } from "../friendli/client.ts";
import { ApiError } from "../friendli/errors.ts";
import type { EndpointSpec } from "../friendli/schemas.ts";

type Confirmation =
  | { confirmed: true; id: string; spec: EndpointSpec }
  /** gone: 404; mismatch: another name or project now; unusable: not an id a path can carry. */
  | { confirmed: false; reason: "gone" | "mismatch" | "unusable" };

/**
 * Whether endpoint `id` is still `name` in project `projectId`. A 404 or a mismatch is an answer
 * (fall back to the lookup); any other failure (cancellation, a rejected token, the deadline) is
 * thrown, as the lookup would meet it too.
 */
export async function confirmRememberedEndpoint(
  client: Pick<FriendliClient, "get">,
  expected: { id: string; name: string; projectId: string },
): Promise<Confirmation> {
  const { id, name, projectId } = expected;
  if (id.trim() === "" || id === "." || id === "..") return { confirmed: false, reason: "unusable" };
  let spec: EndpointSpec;
  try {
    spec = await client.get(id);
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return { confirmed: false, reason: "gone" };
    throw err;
  }
  if (spec.name !== name || spec.projectId !== projectId) return { confirmed: false, reason: "mismatch" };
  return { confirmed: true, id, spec };
}
