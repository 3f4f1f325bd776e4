// /embed/{id} – one route, crossing, event or zone on the map, for other sites' pages. Options in
// the query (lib/embed-options.ts), the camera in the hash; an unknown id gets ./not-found.tsx.
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import type { Geometry } from 'geojson';
import { EmbedFrame } from '@/components/embed-frame';
import { bbox } from '@/geo/geometry';
import { Slug } from '@/geo/schema';
import type { MapFeatureCollection } from '@/lib/api-schema';
import { parseEmbedOptions, type SearchParamsRecord } from '@/lib/embed-options';
import { getRouteDetail, mapCollectionPayload } from '@/lib/queries';
import { routeMetadata } from '@/lib/share-metadata';
import { share } from '@/lib/strings';

interface Props {
  params: Promise<{ slug: string }>;
  searchParams: Promise<SearchParamsRecord>;
}

/** One database read per request, shared by the metadata and the page. */
const detailOf = cache(async (slug: string) => (Slug.safeParse(slug).success ? getRouteDetail(slug) : null));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const detail = await detailOf((await params).slug);
  return detail ? routeMetadata(detail) : { title: share.embedPage.notFound.title };
}

/** Bounds of one stage's line, or null when the item draws no such stage. */
function stageBounds(collection: MapFeatureCollection, item: string, stage: string): [number, number, number, number] | null {
  const line = collection.features.find((f) => f.properties.kind === 'stage' && f.properties.item === item && f.properties.stage === stage);
  // The API's geometry is checked for shape by the geo tests; here it is read, not trusted to be typed.
  return line ? bbox(line.geometry as Geometry) : null;
}

export default async function EmbedItemPage({ params, searchParams }: Props) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const detail = await detailOf(slug);
  if (!detail) notFound();
  const options = parseEmbedOptions(query);
  const { data: collection, etag } = await mapCollectionPayload();

  // A stage that is not this item's is ignored, like any other bad option.
  const stage = options.stage ? (detail.stages.find((s) => s.id === options.stage && s.id !== 'main') ?? null) : null;
  const bounds = (stage && stageBounds(collection, detail.id, stage.id)) ?? detail.bbox;
  const full = new URLSearchParams(stage ? { stage: stage.id } : {}).toString();

  return (
    <EmbedFrame
      title={detail.name.en}
      subtitle={stage ? share.embedPage.stage(stage.order, stage.name.en) : null}
      fullHref={`/routes/${detail.id}${full ? `?${full}` : ''}`}
      options={options}
      map={{ collection, slug: detail.id, stage: stage?.id ?? null, visibleIds: null, bounds }}
      dataVersion={etag}
    />
  );
}
