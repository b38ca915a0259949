/** What the core logic may say. main.ts passes @actions/core's functions; tests pass a recorder. */
export interface Logger {
  info(message: string): void;
  warning(message: string): void;
  debug(message: string): void;
}
