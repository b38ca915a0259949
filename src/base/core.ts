// The part of the runner interface the action uses: @actions/core satisfies it, tests pass a recorder.
// Not Pick<typeof core>: that types outputs and state as `any` and the summary as the whole class.

interface Summary {
  addRaw(text: string, addEOL?: boolean): Summary;
  write(options?: { overwrite?: boolean }): Promise<Summary>;
}

export interface Core {
  getInput(name: string, options?: { required?: boolean; trimWhitespace?: boolean }): string;
  setSecret(secret: string): void;
  setOutput(name: string, value: unknown): void;
  setFailed(message: string | Error): void;
  info(message: string): void;
  warning(message: string | Error): void;
  debug(message: string): void;
  saveState(name: string, value: unknown): void;
  summary: Summary;
}

/** What the post step reads besides the inputs: the state the main step saved. */
export interface PostCore
  extends Pick<Core, "getInput" | "setSecret" | "info" | "warning" | "debug" | "summary"> {
  getState(name: string): string;
}
