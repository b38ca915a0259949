import * as core from "@actions/core";

export async function run(): Promise<void> {
  const token = core.getInput("friendli-token");
  if (token === "") {
    core.setFailed(
      "friendli-token is empty: set it from a secret, e.g. friendli-token: ${{ secrets.FRIENDLI_TOKEN }}",
    );
    return;
  }
  core.setSecret(token);
  core.setOutput("result", "planned");
}
