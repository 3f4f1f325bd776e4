// Words the sharing features draw or send: still images, the short-link 404 page, oEmbed and
// link previews. English only for now: the still images are drawn with the one font next/og
// bundles, which has no Hangul.

import { explorerTitle } from './explorer';

export const SHARE_STRINGS = {
  appName: 'Escape Atlas',
  appDescription: 'A cited map of the routes people take to escape North Korea, built from five published articles.',
  allRoutesTitle: explorerTitle,
  allRoutesSubtitle: 'Every route, crossing, event and zone in the atlas',
  kind: { route: 'Route', crossing: 'Crossing', event: 'Event', zone: 'Zone' },
  riskHeading: 'Risk, as we read the cited sources',
  corridorNote: 'Lines show corridors described in the sources, not exact paths.',
  sourcesPrefix: 'Sources: ',
  basemapCredit: 'Basemap: Natural Earth',
  shortLinkNotFound: {
    title: 'This share link does not exist',
    body: 'The link may be mistyped or incomplete. Short links look like /v/ followed by twelve letters and digits.',
    action: 'Open the map',
  },
  /** Shown by the explorer when a short link named a route that has since been removed. */
  routeRemovedNotice: 'The route in this shared link is no longer in the atlas. Here is the map at the same place.',
} as const;
