/** How many problems the message lists; the rest are counted ("… and N more"). */
const SHOWN = 20;

/** Thrown when a dataset breaks the contract; the message names the file, the record and the field. */
export class DatasetError extends Error {
  /** The problems collected, one line each, already prefixed with the file name (at most the validator's cap). */
  declare readonly problems: readonly string[];
  /** How many problems were found, counting those past the cap that were not collected. */
  declare readonly total: number;

  constructor(file: string, problems: readonly string[], total: number = problems.length) {
    const lines = problems.map((p) => `${file}: ${p}`);
    const shown = lines.slice(0, SHOWN);
    const count = Math.max(total, lines.length);
    const more = count > shown.length ? `\n… and ${count - shown.length} more` : "";
    super(shown.join("\n") + more);
    this.name = "DatasetError";
    // A broken file is not a bug in the loader: a stack would only point into it. Next prints a failing
    // config's error with util.inspect (stack, then own enumerable fields), so keep the stack to the message
    // and the fields out of sight, and the server's log shows the problems once, without frames.
    this.stack = `${this.name}: ${this.message}`;
    Object.defineProperty(this, "problems", { value: lines, enumerable: false });
    Object.defineProperty(this, "total", { value: count, enumerable: false });
  }
}
