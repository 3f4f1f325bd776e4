// The HTML document of the Pages Router pages, the embeds (pages/embed/) and the tours
// (pages/tour/), in the page's language (lib/embed/page.ts embedLocale: `lang=` or the `/ko`
// address). In production those pages carry no Next.js
// script; in development Next adds its own, which need this response's CSP nonce (proxy.ts).
import Document, { Head, Html, Main, NextScript, type DocumentContext, type DocumentInitialProps } from 'next/document';
import { PaletteStyle } from '@/components/palette-style';
import { embedLocale, requestNonce } from '@/lib/embed/page';
import { LOCALE_HEADER, LOCALE_TAGS, toLocale, type Locale } from '@/lib/i18n/locales';

interface Props {
  nonce: string | undefined;
  lang: Locale;
}

export default class EmbedDocument extends Document<Props> {
  static async getInitialProps(ctx: DocumentContext): Promise<DocumentInitialProps & Props> {
    const initial = await Document.getInitialProps(ctx);
    return {
      ...initial,
      nonce: (ctx.req && requestNonce(ctx.req.headers)) ?? undefined,
      // An embed may choose its language (`lang=`); the tours take the address's alone.
      lang: ctx.pathname.startsWith('/embed') ? embedLocale(ctx.query, ctx.req?.headers ?? {}) : toLocale(ctx.req?.headers[LOCALE_HEADER]),
    };
  }

  render() {
    const { nonce, lang } = this.props;
    return (
      <Html lang={LOCALE_TAGS[lang].lang}>
        <Head nonce={nonce}>
          <PaletteStyle nonce={nonce} />
        </Head>
        <body>
          <Main />
          <NextScript nonce={nonce} />
        </body>
      </Html>
    );
  }
}
