// `/` – the explorer: every route, crossing, event and zone on the map and in the list.
import type { Metadata } from 'next';
import { RouteList } from '@/components/route-list';
import { explorerMetadata } from '@/lib/share/metadata';

export function generateMetadata(): Metadata {
  return explorerMetadata();
}

export default function ExplorerPage() {
  return <RouteList />;
}
