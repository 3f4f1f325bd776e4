// The HTML document of the Pages Router pages, the embeds (pages/embed/) and the tours (pages/tour/): English,
// like the rest of the site until the Korean edition. In production those pages carry no Next.js
// script; in development Next adds its own, which need this response's CSP nonce (proxy.ts).
import Document, { Head, Html, Main, NextScript, type DocumentContext, type DocumentInitialProps } from 'next/document';
import { PaletteStyle } from '@/components/palette-style';
import { requestNonce } from '@/lib/embed/page';

interface Props {
  nonce: string | undefined;
}

export default class EmbedDocument extends Document<Props> {
  static async getInitialProps(ctx: DocumentContext): Promise<DocumentInitialProps & Props> {
    const initial = await Document.getInitialProps(ctx);
    return { ...initial, nonce: (ctx.req && requestNonce(ctx.req.headers)) ?? undefined };
  }

  render() {
    const { nonce } = this.props;
    return (
      <Html lang="en">
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
