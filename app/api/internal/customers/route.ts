import { NextResponse } from 'next/server';
import { getDb } from '@/db/client';
import { searchCustomers } from '@/domain/customers/search-customers';
import { readLookupRequest } from '../_lib/lookup-request';

/** The order form's customer search (?q= name prefix or phone): top 10 with default addresses. */
export async function GET(request: Request) {
  const checked = await readLookupRequest(request, 'orders.write');
  if (!checked.ok) return checked.response;
  const customers = await searchCustomers(getDb(), checked.q);
  return NextResponse.json({ customers }, { headers: { 'Cache-Control': 'no-store' } });
}
