/**
 * The failure codes callers see (REST API `error.code`, server action `code`), one per kind of
 * failure, with the HTTP status the API answers them with. Operations document which of these
 * they return; a code not listed here answers 422. Keep the README's REST API table in step.
 */
export const ERROR_CODES = {
  /** the JSON body cannot be parsed */
  invalid_json: 400,
  /** no valid API key / session */
  unauthenticated: 401,
  /** the caller's role lacks the permission */
  forbidden: 403,
  /** the record the URL names does not exist */
  not_found: 404,
  /** the URL names an action that does not exist */
  unknown_action: 404,
  /** the record's status does not allow this move (params.status names it): the same code however it got there */
  invalid_transition: 409,
  /** the record moved while the request ran to a status from which the move is still possible: read it again */
  conflict: 409,
  /** an edit was based on an older version of the record */
  stale: 409,
  /** not enough available stock for the lines (params.skus names them) */
  insufficient_stock: 409,
  /** the warehouse has no stock record for an item being shipped */
  unknown_stock: 409,
  /** this payment reference already confirmed a payment */
  duplicate_reference: 409,
  /** this tracking number is already used with this carrier */
  duplicate_tracking_number: 409,
  /** a cash-on-delivery order is paid at the door, not confirmed by hand */
  cash_on_delivery: 409,
  /** fields or query parameters are invalid; `fields` names each one */
  invalid: 422,
  /** no active carrier with that id or code */
  unknown_carrier: 422,
  /** the tracking number does not fit the carrier's pattern */
  invalid_tracking_number: 422,
  /** parcel lines name another order's lines or more than remains to ship */
  invalid_lines: 422,
  /** the selected lines leave nothing to ship */
  nothing_to_ship: 422,
  /** one parcel leaves one warehouse */
  mixed_warehouses: 422,
  /** an upload is larger than Settings allow (params.megabytes) */
  too_large: 413,
  /** the same file is being imported now (params.batchId) */
  duplicate_running: 409,
  /** an import has no finished dry run to commit */
  not_checked: 409,
  /** an import has already ended */
  finished: 409,
  /** a bug on our side; nothing was changed */
  unexpected: 500,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** The HTTP status of a failure code (422 for a code of one operation not listed above). */
export function httpStatusOf(code: string): number {
  return (ERROR_CODES as Record<string, number>)[code] ?? 422;
}
