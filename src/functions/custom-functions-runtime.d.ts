/**
 * The slice of the Excel custom functions runtime (global `CustomFunctions`) that src/functions uses.
 * @types/custom-functions-runtime is not installed; this mirrors its shape (class Error with `code`
 * and optional `message`, string enum ErrorCode). Remove this file if that package is added to
 * tsconfig "types" (the declarations would clash).
 */
declare namespace CustomFunctions {
  /** An error value returned to a cell. Custom messages are shown only for #VALUE! and #N/A. */
  class Error {
    constructor(errorCode: ErrorCode, errorMessage?: string);
    code: ErrorCode;
    message?: string;
  }

  enum ErrorCode {
    invalidValue = "#VALUE!",
    notAvailable = "#N/A",
    divisionByZero = "#DIV/0!",
    invalidNumber = "#NUM!",
    nullReference = "#NULL!",
    invalidName = "#NAME?",
    invalidReference = "#REF!",
  }

  /** Added to the bundle by custom-functions-metadata-plugin; never called from our source. */
  function associate(id: string, fn: (...args: any[]) => unknown): void;
}
