// /embed/{id} – one route, crossing, event or zone on the map, for other sites' pages. Options in
// the query (lib/embed/options.ts), the camera in the hash; an unknown id gets a 404 note in the
// frame, data that cannot be read now a 503 note. A Pages Router page only so that it can ship
// no framework to the browser (`unstable_runtimeJS: false`): lib/embed/client.ts is all the
// script it runs (issue #6).
import type { GetServerSideProps, PageConfig } from 'next';
import { EmbedPage } from '@/components/embed-frame';
import { embedLocale, embedPageProps, itemEmbed, requestNonce, type EmbedPageProps } from '@/lib/embed/page';

// Node.js (the database driver is native); no Next.js or React script in the page.
export const config: PageConfig = { runtime: 'nodejs', unstable_runtimeJS: false };

export const getServerSideProps: GetServerSideProps<EmbedPageProps> = async ({ params, query, req, res }) => {
  const slug = typeof params?.slug === 'string' ? params.slug : '';
  const [nonce, lang] = [requestNonce(req.headers), embedLocale(query, req.headers)];
  const props = await embedPageProps(nonce, lang, () => itemEmbed(slug, query, nonce, lang));
  res.statusCode = props.status;
  return { props };
};

export default EmbedPage;
