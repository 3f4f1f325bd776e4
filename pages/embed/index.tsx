// /embed – every route on one map, for other sites' pages. Options in the query
// (lib/embed/options.ts), the camera in the hash. A Pages Router page so that it ships no
// framework to the browser: see ./[slug].tsx.
import type { GetServerSideProps, PageConfig } from 'next';
import { EmbedPage } from '@/components/embed-frame';
import { allRoutesEmbed, embedLocale, embedPageProps, requestNonce, type EmbedPageProps } from '@/lib/embed/page';

// Node.js (the database driver is native); no Next.js or React script in the page.
export const config: PageConfig = { runtime: 'nodejs', unstable_runtimeJS: false };

export const getServerSideProps: GetServerSideProps<EmbedPageProps> = async ({ query, req, res }) => {
  const [nonce, lang] = [requestNonce(req.headers), embedLocale(query, req.headers)];
  const props = await embedPageProps(nonce, lang, () => allRoutesEmbed(query, nonce, lang));
  res.statusCode = props.status;
  return { props };
};

export default EmbedPage;
