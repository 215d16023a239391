/** See exit.mjs. */
export function exitWhenWritten(code: number): Promise<never>;
