/** Base class of every error vnsearch raises on purpose; `code` is stable for API clients. */
export class VnsearchError extends Error {
  constructor(
    message: string,
    readonly code: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Bad input file or record: reported per file (and line), the rest is indexed. */
export class InputError extends VnsearchError {
  constructor(
    message: string,
    readonly file: string,
    readonly line?: number,
    options?: ErrorOptions,
  ) {
    super(message, 'invalid_input', options);
  }

  /** `file:line: message`, the form editors and terminals link to. */
  describe(): string {
    return `${this.file}${this.line === undefined ? '' : `:${this.line}`}: ${this.message}`;
  }
}

export class ConfigError extends VnsearchError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, 'invalid_config', options);
  }
}

/** The engine cannot be reached or did not answer in time; the API answers 503. */
export class EngineUnavailableError extends VnsearchError {
  constructor(message: string, options?: ErrorOptions, code = 'engine_unavailable') {
    super(message, code, options);
  }
}

/**
 * The index file is damaged (not a database, corrupt pages, truncated). Its message is safe to
 * show to API clients (no paths): what happened and what an operator does; details are in `cause`.
 */
export class IndexDamagedError extends EngineUnavailableError {
  constructor(options?: ErrorOptions) {
    super('The search index is damaged; an operator must run `vnsearch index --rebuild` to rebuild it.', options, 'index_damaged');
  }
}

/** A write failed for want of disk space; what was committed before stays searchable. */
export class DiskFullError extends VnsearchError {
  constructor(directory: string, options?: ErrorOptions) {
    super(`The disk holding ${directory} is full; free some space and run \`vnsearch index\` again (the index stays searchable as of its last commit).`, 'disk_full', options);
  }
}

/** Another indexing run holds the data directory: one writer per index. */
export class IndexLockedError extends VnsearchError {
  constructor(
    readonly dataDir: string,
    readonly pid: number | null,
  ) {
    super(`another vnsearch index run (pid ${pid ?? 'unknown'}) holds ${dataDir}`, 'reindex_running');
  }
}

/** The engine answered but refused the work (for example a failed Meilisearch task). */
export class EngineError extends VnsearchError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, 'engine_error', options);
  }
}
