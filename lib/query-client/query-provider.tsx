'use client';

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';

function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // pages pass server-rendered data as initialData; do not refetch it the moment it arrives
        staleTime: 30_000,
        retry: 1,
      },
    },
  });
}

/** One QueryClient per browser tab, kept across navigations inside the admin layout. */
export function QueryProvider({ children }: { children: React.ReactNode }) {
  const [client] = useState(makeQueryClient);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
