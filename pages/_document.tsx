// The HTML document of the Pages Router pages, which are only the embeds (pages/embed/): English,
// like the rest of the site until the Korean edition.
import { Head, Html, Main, NextScript } from 'next/document';

export default function Document() {
  return (
    <Html lang="en">
      <Head />
      <body>
        <Main />
        <NextScript />
      </body>
    </Html>
  );
}
