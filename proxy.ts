// Proxy (Next 16's successor to middleware) – puts the security headers of lib/security/headers.ts
// on every response: pages, route handlers, images and static files alike.
import { NextResponse, type NextRequest } from 'next/server';
import { newNonce, securityHeaders } from '@/lib/security/headers';

export function proxy(request: NextRequest): NextResponse {
  const nonce = newNonce();
  const headers = securityHeaders({
    pathname: request.nextUrl.pathname,
    nonce,
    production: process.env.NODE_ENV === 'production',
    development: process.env.NODE_ENV === 'development',
  });
  const csp = headers['Content-Security-Policy'];

  // Next.js reads the nonce for its own scripts from the policy on the *request*; x-nonce is for
  // server components that render a script themselves. A client cannot choose either: both are
  // overwritten here.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('Content-Security-Policy', csp);
  requestHeaders.set('x-nonce', nonce);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}
