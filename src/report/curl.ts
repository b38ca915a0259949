// The one copy-paste command that calls a deployed endpoint, for the job summary and the PR
// comment. The token stays the reader's own: `$FRIENDLI_TOKEN` in double quotes, which their shell
// expands; no report ever holds a token.

/**
 * `quoted`: every value single-quoted for the shell, so any URL and id survive copy-paste.
 * `plain`: the URL bare, for callers that have checked it holds only shell-safe characters.
 */
export function curlCommand(inferenceUrl: string, endpointId: string, style: "quoted" | "plain"): string {
  const url = `${inferenceUrl.replace(/\/+$/, "")}/chat/completions`;
  const body = JSON.stringify({ model: endpointId, messages: [{ role: "user", content: "Hello!" }] });
  const q = style === "quoted" ? shellQuote : (s: string) => s;
  return [
    `curl -sS ${q(url)} \\`,
    `  -H "Authorization: Bearer $FRIENDLI_TOKEN" \\`,
    `  -H ${style === "quoted" ? "'Content-Type: application/json'" : '"Content-Type: application/json"'} \\`,
    `  -d ${shellQuote(body)}`,
  ].join("\n");
}

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
