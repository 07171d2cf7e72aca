/*
 * The length limits of an order's free text, in one module that imports nothing, so the forms can
 * show and count against the same numbers the operations' schemas refuse past (never cut).
 */

/** An internal note on the order's timeline (addOrderNote). */
export const MAX_ORDER_NOTE_LENGTH = 2000;
/** The reason given when cancelling (cancelOrder); also the owed refund's reason. */
export const MAX_CANCEL_REASON_LENGTH = 500;
/** The buyer's note on an order (what the buyer wrote at checkout; createOrder, editOrder). */
export const MAX_BUYER_NOTE_LENGTH = 500;
