import { cache } from 'react';
import { getDb } from '@/db/client';
import { countOpenLowStockAlerts } from '@/domain/inventory/list-low-stock-alerts';

/** The open low-stock alert count, read once per request: the sidebar badge and the page share it. */
export const getOpenLowStockAlertCount = cache(() => countOpenLowStockAlerts(getDb()));
