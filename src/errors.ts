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
  constructor(message: string, options?: ErrorOptions) {
    super(message, 'engine_unavailable', options);
  }
}

/** The engine answered but refused the work (for example a failed Meilisearch task). */
export class EngineError extends VnsearchError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, 'engine_error', options);
  }
}
