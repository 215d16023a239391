// How a command process ends. Plain JavaScript: the csi-report command uses it before any
// TypeScript is loaded, and the benchmark's peer build ends the same way.

/**
 * Ends the process with `code` once what it printed is written. Left to end by itself, node
 * would first finish the tasks V8 left pending — among them, often, a full garbage collection
 * of a heap of a few hundred megabytes that V8 had begun — and then take the heap apart, for
 * nothing: the command's work is done.
 *
 * @param {number} code
 * @returns {Promise<never>}
 */
export async function exitWhenWritten(code) {
  await Promise.all([process.stdout, process.stderr].map((stream) => new Promise((resolve) => stream.write('', resolve))));
  process.exit(code);
}
