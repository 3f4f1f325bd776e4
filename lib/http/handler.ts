// The one wrapper around every route handler: whatever a handler throws becomes the API's JSON
// error body with its status (lib/http/api-errors.ts `errorResponse`): an ApiError keeps its
// status and message, anything else is a 500 that says nothing of our internals.
import { errorResponse } from './api-errors';

/**
 * `handler` as a Next.js route handler (`export const GET = apiHandler(async (request, context) => …)`),
 * its errors answered as JSON. The handler's own arguments (the route's `context`) pass through.
 */
export function apiHandler<Args extends unknown[]>(
  handler: (request: Request, ...args: Args) => Response | Promise<Response>,
): (request: Request, ...args: Args) => Promise<Response> {
  return async (request, ...args) => {
    try {
      return await handler(request, ...args);
    } catch (e) {
      return errorResponse(e);
    }
  };
}
