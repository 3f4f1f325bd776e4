// The Pages Router's app: the embeds (pages/embed/) and tours (pages/tour/) with the site's base styles and MapLibre's
// own. The site's other pages are in app/ (App Router), which has its own layout.
import type { AppProps } from 'next/app';
import 'maplibre-gl/dist/maplibre-gl.css';
import '@/app/globals.css';

export default function EmbedApp({ Component, pageProps }: AppProps) {
  return <Component {...pageProps} />;
}
