import { NextResponse } from 'next/server';
import { getDb } from '@/db/client';
import { searchSkus } from '@/domain/catalog/search-skus';
import { readLookupRequest } from '../_lib/lookup-request';

/** The order form's SKU picker (?q= code, barcode or name): active SKUs with price and available stock. */
export async function GET(request: Request) {
  const checked = await readLookupRequest(request, 'orders.write');
  if (!checked.ok) return checked.response;
  const skus = await searchSkus(getDb(), checked.q);
  return NextResponse.json({ skus }, { headers: { 'Cache-Control': 'no-store' } });
}
