/**
 * Expected failures are values, not exceptions: a domain operation returns `ok(data)` or
 * `fail(code, message)`; only bugs throw. Codes are documented where they are produced.
 */
export type Ok<T> = { ok: true; data: T };
export type Fail<C extends string = string> = {
  ok: false;
  code: C;
  message: string;
  /** per-field messages for forms, keyed by field path ("lines.0.quantity") */
  fieldErrors?: Record<string, string[]>;
  /** values for the translated message (`orders.errors.<code>` with {status}, {skus}...) */
  params?: Record<string, string | number>;
};
export type Result<T, C extends string = string> = Ok<T> | Fail<C>;

export function ok<T>(data: T): Ok<T> {
  return { ok: true, data };
}

export function fail<C extends string>(
  code: C,
  message: string,
  fieldErrors?: Record<string, string[]>,
  params?: Record<string, string | number>,
): Fail<C> {
  return {
    ok: false,
    code,
    message,
    ...(fieldErrors ? { fieldErrors } : {}),
    ...(params ? { params } : {}),
  };
}
