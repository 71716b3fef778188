/** Thrown when a dataset breaks the contract; the message names the file, the record and the field. */
export class DatasetError extends Error {
  /** Every problem found, one line each, already prefixed with the file name. */
  readonly problems: readonly string[];

  constructor(file: string, problems: readonly string[]) {
    const lines = problems.map((p) => `${file}: ${p}`);
    const shown = lines.slice(0, 20);
    const more = lines.length > shown.length ? `\n… and ${lines.length - shown.length} more` : "";
    super(shown.join("\n") + more);
    this.name = "DatasetError";
    this.problems = lines;
  }
}
