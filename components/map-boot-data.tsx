'use client';
// The map collection the explorer was rendered with, as JSON in the page, for the inline boot
// script that makes the map before React hydrates (lib/map-boot.ts): no request to wait for, and
// by construction the very data React then has (ExplorerProvider's initialCollection).
//
// Written into the server's HTML only. The browser gets the collection in the page's RSC
// payload anyway; rendering the text here on the client too would send it a third time. React
// keeps the element as the server wrote it (it does not compare or set the inner HTML of an
// element it hydrates; suppressHydrationWarning for development's check).
import type { MapFeatureCollection } from '@/lib/api-schema';
import { BOOT_DATA_ID } from '@/lib/map-boot';

export function MapBootData({ collection }: { collection: MapFeatureCollection | undefined }) {
  const json = typeof window === 'undefined' && collection ? JSON.stringify(collection).replace(/</g, '\\u003c') : '';
  return <script type="application/json" id={BOOT_DATA_ID} dangerouslySetInnerHTML={{ __html: json }} suppressHydrationWarning />;
}
