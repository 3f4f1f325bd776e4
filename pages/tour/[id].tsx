// /tour/{id} (and /ko/tour/{id}) – the guided tour of one route: a step per stage, then a step per hazard, each
// quoting its source. Step in the query (`?step=3`: malformed is a 400, past the end a 404),
// camera in the hash. No framework in the browser: see ./index.tsx.
import type { GetServerSideProps, PageConfig } from 'next';
import { TourPage } from '@/components/tour-frame';
import { requestNonce } from '@/lib/embed/page';
import { tourLocale, tourPageProps, type TourPageProps } from '@/lib/tour/page';

export const config: PageConfig = { runtime: 'nodejs', unstable_runtimeJS: false };

export const getServerSideProps: GetServerSideProps<TourPageProps> = async ({ params, query, req, res }) => {
  const id = typeof params?.id === 'string' ? params.id : '';
  const props = await tourPageProps(id, query, 'page', requestNonce(req.headers), tourLocale(req.headers));
  if (props.error) res.statusCode = props.error.status;
  return { props };
};

export default function RouteTourPage(props: TourPageProps) {
  return <TourPage {...props} embedded={false} />;
}
