// `/routes/{id}` – one route, crossing, event or zone: its page in the panel, the map fitted to
// it. `?print=1` shows its printable handout instead (components/route-handout.tsx). An unknown id renders the explorer with a notice (./not-found.tsx), status 404.
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { AfterFirstMap } from '@/components/after-first-map';
import { RouteDetailPanel, stageAnchor } from '@/components/route-detail';
import { PrintButton } from '@/components/print-button';
import { RouteHandout } from '@/components/route-handout';
import { RouteList } from '@/components/route-list';
import { RouteNav } from '@/components/route-nav';
import { ShareToolbar } from '@/components/share-toolbar';
import { Slug } from '@/geo/schema';
import { getRouteDetail } from '@/lib/data/queries';
import { UNAVAILABLE, whenReadable } from '@/lib/data/version';
import { explorerMetadata, routeMetadata } from '@/lib/share/metadata';
import { requestLocale } from '@/lib/i18n/server';
import { stringsFor } from '@/lib/i18n/strings';

interface Props {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/**
 * One database read per request, shared by the metadata and the page; UNAVAILABLE when the data
 * cannot be read now.
 */
const detailOf = cache(async (slug: string) => (Slug.safeParse(slug).success ? whenReadable(() => getRouteDetail(slug)) : null));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const detail = await detailOf((await params).slug);
  const locale = await requestLocale();
  if (detail === UNAVAILABLE) return explorerMetadata(undefined, locale);
  const t = stringsFor(locale).explorer;
  return detail ? routeMetadata(detail, undefined, locale) : { title: `${t.notFound.title} · ${t.appName}`, robots: { index: false } };
}

export default async function RoutePage({ params, searchParams }: Props) {
  const detail = await detailOf((await params).slug);
  if (detail === UNAVAILABLE) {
    // The explorer as on `/` without its data (app/(explorer)/layout.tsx): the list asks
    // /api/routes and says the routes could not be loaded. A proxy keeps no copy (proxy.ts).
    return (
      <AfterFirstMap>
        <RouteList />
      </AfterFirstMap>
    );
  }
  if (!detail) notFound();
  // A stage this item does not have is ignored, as the codec ignores other bad parts of a link.
  const { stage, print } = await searchParams;
  const activeStage = typeof stage === 'string' && detail.stages.some((s) => s.id === stage) ? stage : null;
  const locale = await requestLocale();
  // Hydrated once the map has first drawn; outside the boundary, notFound() above sets the 404.
  return (
    <AfterFirstMap>
      <RouteNav stageAnchor={activeStage ? stageAnchor(activeStage) : null} />
      <RouteDetailPanel
        detail={detail}
        activeStage={activeStage}
        locale={locale}
        actions={
          <ShareToolbar slug={detail.id} title={detail.name[locale]} tour={detail.kind === 'route' ? detail.id : null}>
            <PrintButton />
          </ShareToolbar>
        }
      />
      {/* What printing this page gives; on screen only at ?print=1 (a preview of the handout). */}
      <RouteHandout detail={detail} preview={print === '1'} locale={locale} />
    </AfterFirstMap>
  );
}
