// The pull-request part of the loopback fake GitHub (./fake-github.ts): "Get a pull request" as
// GitHub documents it, `state` open or closed, `merged`, and 404 for a number it does not know.
import type { ServerResponse } from "node:http";

export interface FakePull {
  number: number;
  state: "open" | "closed";
  merged: boolean;
}

type Send = (res: ServerResponse, status: number, body: unknown) => void;

export class FakePullsApi {
  readonly pulls = new Map<number, FakePull>();
  private readonly base: () => string;
  private readonly send: Send;

  constructor(base: () => string, send: Send) {
    this.base = base;
    this.send = send;
  }

  reset(): void {
    this.pulls.clear();
  }

  add(number: number, state: FakePull["state"], merged = false): void {
    this.pulls.set(number, { number, state, merged: state === "closed" && merged });
  }

  /** Answers GET /pulls/{number} under /repos/{owner}/{repo}; false for any other path. */
  handle(method: string, rest: string, res: ServerResponse): boolean {
    const match = /^\/pulls\/(\d+)$/.exec(rest);
    if (!match || method !== "GET") return false;
    const pull = this.pulls.get(Number(match[1]));
    if (!pull) this.send(res, 404, { message: "Not Found", status: "404" });
    else this.send(res, 200, this.json(pull));
    return true;
  }

  private json(p: FakePull) {
    const closedAt = p.state === "closed" ? "2026-11-01T00:00:00Z" : null;
    return {
      url: `${this.base()}/pulls/${p.number}`,
      id: 100_000 + p.number,
      node_id: `PR_${p.number}`,
      number: p.number,
      state: p.state,
      locked: false,
      title: `PR ${p.number}`,
      draft: false,
      merged: p.merged,
      merged_at: p.merged ? closedAt : null,
      closed_at: closedAt,
      created_at: "2026-10-01T00:00:00Z",
      updated_at: closedAt ?? "2026-10-01T00:00:00Z",
    };
  }
}
