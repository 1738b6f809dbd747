/**
 * Minimal global `CustomFunctions` for jest, mirroring the runtime's shape: a class Error with `code`
 * (an ErrorCode string such as "#VALUE!") and an optional `message`, the string enum ErrorCode, and a
 * no-op associate (the bundle's registration calls are added by the webpack plugin, not our source).
 */
export enum ErrorCode {
  invalidValue = "#VALUE!",
  notAvailable = "#N/A",
  divisionByZero = "#DIV/0!",
  invalidNumber = "#NUM!",
  nullReference = "#NULL!",
  invalidName = "#NAME?",
  invalidReference = "#REF!",
}

export class CustomFunctionsError {
  code: ErrorCode;
  message?: string;
  constructor(errorCode: ErrorCode, errorMessage?: string) {
    this.code = errorCode;
    if (errorMessage !== undefined) this.message = errorMessage;
  }
}

export function installCustomFunctionsShim(): void {
  (globalThis as any).CustomFunctions = {
    Error: CustomFunctionsError,
    ErrorCode,
    associate: () => undefined,
  };
}

export function removeCustomFunctionsShim(): void {
  delete (globalThis as any).CustomFunctions;
}

installCustomFunctionsShim();
