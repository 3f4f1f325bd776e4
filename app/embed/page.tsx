// /embed – every route on one map, for other sites' pages. Options in the query
// (lib/embed-options.ts), the camera in the hash.
import type { Metadata } from 'next';
import { EmbedFrame } from '@/components/embed-frame';
import { corridorGroups, filterGroups } from '@/lib/atlas-items';
import { parseEmbedOptions, type SearchParamsRecord } from '@/lib/embed-options';
import { DEFAULT_BOUNDS } from '@/lib/map-style';
import { mapCollectionPayload } from '@/lib/queries';
import { explorerMetadata } from '@/lib/share-metadata';
import { share } from '@/lib/strings';
import { formatFilters, hasFilters } from '@/lib/view-state';

interface Props {
  searchParams: Promise<SearchParamsRecord>;
}

export function generateMetadata(): Metadata {
  return explorerMetadata();
}

export default async function EmbedAllRoutesPage({ searchParams }: Props) {
  const options = parseEmbedOptions(await searchParams);
  const { data: collection, etag } = await mapCollectionPayload();
  const filtered = hasFilters(options.filters);
  const visibleIds = filtered ? filterGroups(corridorGroups(collection), options.filters).flatMap((g) => g.items.map((i) => i.id)) : null;
  const query = formatFilters(options.filters);
  return (
    <EmbedFrame
      title={share.embedPage.allRoutesTitle}
      fullHref={`/${query ? `?${query}` : ''}`}
      options={options}
      map={{ collection, slug: null, visibleIds, bounds: DEFAULT_BOUNDS }}
      dataVersion={etag}
    />
  );
}
