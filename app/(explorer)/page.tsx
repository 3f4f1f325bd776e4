// `/` – the explorer: every route, crossing, event and zone on the map and in the list.
import type { Metadata } from 'next';
import { AfterFirstMap } from '@/components/after-first-map';
import { RouteList } from '@/components/route-list';
import { requestLocale } from '@/lib/i18n/server';
import { explorerMetadata } from '@/lib/share/metadata';

export async function generateMetadata(): Promise<Metadata> {
  return explorerMetadata(undefined, await requestLocale());
}

export default function ExplorerPage() {
  return (
    <AfterFirstMap>
      <RouteList />
    </AfterFirstMap>
  );
}
