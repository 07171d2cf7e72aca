import { completeRoute } from '../../../../_lib/complete-route';

export const POST = completeRoute('unionpay');
