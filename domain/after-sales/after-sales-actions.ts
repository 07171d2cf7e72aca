import type { AfterSalesRequest } from '@/db/schema/after-sales';
import { can, type Permission } from '@/domain/staff/permissions';
import type { StaffRole } from '@/domain/staff/roles';
import { canTransition } from './after-sales-status';

/** What a person may do to a request now; the request page shows these, the operations re-check. */
export type AfterSalesAction =
  | 'approve'
  | 'reject'
  | 'cancel'
  | 'record_return'
  | 'receive'
  | 'propose_refund'
  | 'send_refund'
  | 'ship_replacement'
  | 'complete_replacement';

/** Who may take each action (the moves, the request page and the REST API read it). */
export const PERMISSION_OF: Record<AfterSalesAction, Permission> = {
  approve: 'after_sales.write',
  reject: 'after_sales.write',
  cancel: 'after_sales.write',
  record_return: 'after_sales.write',
  receive: 'after_sales.receive',
  propose_refund: 'after_sales.refund',
  send_refund: 'after_sales.refund',
  ship_replacement: 'shipping.write',
  complete_replacement: 'shipping.write',
};

/** The actions the transition table allows for this request's kind and status, filtered by the person's role. */
export function allowedAfterSalesActions(
  request: Pick<AfterSalesRequest, 'kind' | 'status'>,
  actor: { role: StaffRole } | null,
): AfterSalesAction[] {
  const { kind, status } = request;
  const allowed: AfterSalesAction[] = [];
  if (canTransition(kind, status, 'approved')) allowed.push('approve');
  if (canTransition(kind, status, 'rejected')) allowed.push('reject');
  if (canTransition(kind, status, 'cancelled')) allowed.push('cancel');
  if (canTransition(kind, status, 'return_in_transit')) allowed.push('record_return');
  if (canTransition(kind, status, 'received')) allowed.push('receive');
  if (canTransition(kind, status, 'refunding')) allowed.push('propose_refund', 'send_refund');
  // a refund that failed is sent again from refunding
  if (status === 'refunding') allowed.push('send_refund');
  if (canTransition(kind, status, 'replacement_shipped')) allowed.push('ship_replacement');
  if (status === 'replacement_shipped') allowed.push('complete_replacement');
  return allowed.filter((action) => can(actor, PERMISSION_OF[action]));
}
