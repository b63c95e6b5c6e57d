// Shared by the command-line scripts (export, import): one-line errors, the folder
// the command was typed in, and a text progress bar on standard error.

// npm runs scripts from the project folder; a relative path means the folder the command was typed in
export const here = process.env.INIT_CWD ?? process.cwd();

export function fail(message: string): never {
  process.stderr.write(`error: ${message}\n`);
  process.exit(1);
}

/** A text progress bar on standard error (one line per 10 % when it is not a terminal). */
export function progressBar(label: string) {
  const tty = process.stderr.isTTY === true;
  let last = 0;
  let step = -1;
  let drawn = false;
  return {
    update(done: number, total: number, note: string) {
      const ratio = total > 0 ? Math.min(1, done / total) : 1;
      const now = Date.now();
      if (tty && now - last < 80 && ratio < 1) return;
      last = now;
      const width = 30;
      const filled = Math.round(ratio * width);
      const line = `${label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${String(Math.floor(ratio * 100)).padStart(3)}% ${note}`;
      if (tty) {
        process.stderr.write(`\r${line}\x1b[K`);
        drawn = true;
      } else if (Math.floor(ratio * 10) !== step) {
        step = Math.floor(ratio * 10);
        process.stderr.write(`${line}\n`);
      }
    },
    restart() {
      step = -1;
    },
    end() {
      if (drawn) process.stderr.write("\n");
      drawn = false;
    },
  };
}
