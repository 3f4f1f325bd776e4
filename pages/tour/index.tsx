// /tour (and /ko/tour) – the guided tour of the atlas, corridor by corridor, and the list of route tours.
// Step in the query (`?step=3`), camera in the hash. A Pages Router page so that it ships no
// framework to the browser: lib/tour/client.ts is all the script it runs (components/tour-frame.tsx).
import type { GetServerSideProps, PageConfig } from 'next';
import { TourPage } from '@/components/tour-frame';
import { requestNonce } from '@/lib/embed/page';
import { tourLocale, tourPageProps, type TourPageProps } from '@/lib/tour/page';
import { ATLAS_TOUR_ID } from '@/lib/tour/tours';

// Node.js (the database driver is native); no Next.js or React script in the page.
export const config: PageConfig = { runtime: 'nodejs', unstable_runtimeJS: false };

export const getServerSideProps: GetServerSideProps<TourPageProps> = async ({ query, req, res }) => {
  const props = await tourPageProps(ATLAS_TOUR_ID, query, 'page', requestNonce(req.headers), tourLocale(req.headers));
  if (props.error) res.statusCode = props.error.status;
  return { props };
};

export default function AtlasTourPage(props: TourPageProps) {
  return <TourPage {...props} embedded={false} />;
}
