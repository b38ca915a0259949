// One loopback fake of GitHub per test file (or describe block), reset before each test, with the
// proxy variables emptied so the real Octokit talks to it directly: what every suite against the
// fake set up by hand before.
import { afterAll, beforeAll, beforeEach, vi } from "vitest";
import { FakeGitHub, type FakeGitHubOptions, startFakeGitHub } from "./fake-github.ts";
import { standIn } from "./stand-in.ts";

const PROXY_VARIABLES = ["HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy"];

/**
 * Starts the fake before the suite and closes it after. The answer stands for the running fake
 * (it forwards to it), so suites keep writing `github.url`, `github.requests`, `github.mode = ...`.
 */
export function useFakeGitHub(options: FakeGitHubOptions): FakeGitHub {
  let current: FakeGitHub | undefined;
  beforeAll(async () => {
    current = await startFakeGitHub(options);
  });
  afterAll(async () => {
    await current?.close();
  });
  beforeEach(() => {
    running().reset();
    // Loopback only: a proxy from the environment must not see these requests.
    for (const name of PROXY_VARIABLES) vi.stubEnv(name, "");
  });
  function running(): FakeGitHub {
    if (!current) throw new Error("the fake GitHub is used outside a test (it starts in beforeAll)");
    return current;
  }
  return standIn(FakeGitHub.prototype, running);
}
