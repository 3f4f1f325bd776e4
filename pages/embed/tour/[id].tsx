// /embed/tour/{id} – a guided tour for other sites' pages and slide decks (id "atlas" or a
// route's): its own step buttons and keys, the options `theme`, `legend` and `lang` of the embeds
// (lib/embed/options.ts), the step in the query, the camera in the hash. Framed by anyone, as every
// page under /embed is (lib/security/headers.ts). No framework in the browser: see pages/tour/.
import type { GetServerSideProps, PageConfig } from 'next';
import { TourPage } from '@/components/tour-frame';
import { embedLocale, requestNonce } from '@/lib/embed/page';
import { tourPageProps, type TourPageProps } from '@/lib/tour/page';

export const config: PageConfig = { runtime: 'nodejs', unstable_runtimeJS: false };

export const getServerSideProps: GetServerSideProps<TourPageProps> = async ({ params, query, req, res }) => {
  const id = typeof params?.id === 'string' ? params.id : '';
  const props = await tourPageProps(id, query, 'embed', requestNonce(req.headers), embedLocale(query, req.headers));
  if (props.error) res.statusCode = props.error.status;
  return { props };
};

export default function EmbeddedTourPage(props: TourPageProps) {
  return <TourPage {...props} embedded />;
}
