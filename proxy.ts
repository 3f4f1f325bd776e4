// Proxy (Next 16's successor to middleware) – puts the security headers of lib/security/headers.ts
// on every response: pages, route handlers, images and static files alike; and reads the
// language from the address: `/ko/...` is served by the same pages as `/...`, rewritten, with
// the locale in a request header (lib/i18n/locales.ts) that a client cannot choose. A reading
// page asked for with `?lang=` is sent to its address in that language (lib/view/paths.ts). A
// page a trusted reverse proxy promises to give fresh nonces may be kept there, while the data
// can be read (lib/http/shared-page.ts).
import { NextResponse, type NextRequest } from 'next/server';
import { LOCALE_HEADER, PATH_HEADER, QUERY_HEADER, splitLocale } from '@/lib/i18n/locales';
import { dataReadable } from '@/lib/data/version';
import { sharedPageCacheControl } from '@/lib/http/shared-page';
import { newNonce, securityHeaders } from '@/lib/security/headers';
import { languageRedirect } from '@/lib/view/paths';

export async function proxy(request: NextRequest): Promise<NextResponse> {
  const { locale, path } = splitLocale(request.nextUrl.pathname);
  const nonce = newNonce();
  const headers = securityHeaders({
    // `/ko/embed/x` is framed like `/embed/x`: the headers follow the page, not its language.
    pathname: path,
    nonce,
    production: process.env.NODE_ENV === 'production',
    development: process.env.NODE_ENV === 'development',
  });
  const csp = headers['Content-Security-Policy'];

  // Next.js reads the nonce for its own scripts from the policy on the *request*; x-nonce is for
  // server components that render a script themselves. A client cannot choose either: both are
  // overwritten here, as is the locale.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('Content-Security-Policy', csp);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set(LOCALE_HEADER, locale);
  requestHeaders.set(PATH_HEADER, path);
  requestHeaders.set(QUERY_HEADER, request.nextUrl.search);

  let response: NextResponse;
  const moved = languageRedirect(request.nextUrl);
  if (moved !== null) {
    // Permanent: the language belongs in the address, and a shared link should say so.
    const url = request.nextUrl.clone();
    const [pathname, search = ''] = moved.split('?');
    url.pathname = pathname;
    url.search = search;
    response = NextResponse.redirect(url, 308);
  } else if (path !== request.nextUrl.pathname) {
    const url = request.nextUrl.clone();
    url.pathname = path;
    response = NextResponse.rewrite(url, { request: { headers: requestHeaders } });
  } else {
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  // A page a trusted proxy will give fresh nonces may be kept there, unless it renders without
  // its data (lib/http/shared-page.ts).
  const shared = moved === null ? await sharedPageCacheControl(path, request.headers, process.env.TRUST_PROXY, dataReadable) : null;
  if (shared !== null) response.headers.set('Cache-Control', shared);
  return response;
}
