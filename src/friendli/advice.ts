// What to change when Friendli refuses a request, in the words of the action's inputs. The HTTP
// layer knows statuses, not inputs: main.ts hands it this table (HttpOptions.advise), and the smoke
// test reads the inference rows.

type AdviceFor = "endpoint-api" | "inference";

const ADVICE: Record<AdviceFor, Partial<Record<number, string>>> = {
  "endpoint-api": {
    401: "check the friendli-token secret (a Personal Access Token, flp_...)",
    403: "check team-id and that the token's user belongs to the team/project",
    404: "check project-id / endpoint-id",
  },
  inference: {
    401: "check the friendli-token secret",
    403: "check team-id and that the token may use this endpoint",
    404: "the inference API does not know this endpoint id",
  },
};

/** The advice for an HTTP status, or undefined when there is none to give. */
export function statusAdvice(status: number, about: AdviceFor = "endpoint-api"): string | undefined {
  return ADVICE[about][status];
}
