// Every word the embeds and the sharing tools (embed dialog, share and download buttons) put on
// screen. ./cards.ts keeps the words drawn into still images and sent to link previews;
// those go with the renderer, which has no Hangul font yet.

import { SHARE_STRINGS } from './cards';

export const toolbar = {
  label: 'Share this view',
};

export const embedPage = {
  /** The h1 of the all-routes embed. */
  allRoutesTitle: SHARE_STRINGS.allRoutesTitle,
  mapLabel: 'Map',
  mapDescription:
    'A map of escape routes out of North Korea: lines are routes, drawn by risk level with a colour and a line pattern; circles are crossings and events; shaded areas are zones. The full page lists every item in words, with its sources.',
  stillDescription: 'The map is a still view: it cannot be moved.',
  mapLoading: 'Loading the map…',
  mapFailed: 'The map could not be drawn in this browser. The full page lists every route in words, with its sources.',
  /** The stage named by ?stage=, under the title. */
  stage: (order: number, name: string) => `Stage ${order}: ${name}`,
  openFull: 'Open the full page',
  sources: 'Sources',
  newTab: '(opens in a new tab)',
  basemap: 'Basemap: Natural Earth',
  legendHeading: 'Key',
  legendRisk: 'Risk, as we read the sources',
  legendApproximate: 'Approximate',
  notFound: {
    title: 'This map is not available',
    body: 'No route, crossing, event or zone in Escape Atlas has this address. It may have been removed.',
    action: 'Open Escape Atlas',
  },
};

export const embedDialog = {
  open: 'Embed',
  title: 'Embed this map',
  intro: 'Put this map on your own page: choose how it looks, then copy the code into your page’s HTML.',
  close: 'Close',
  options: 'Options',
  interactive: 'Visitors can move and zoom the map',
  legend: 'Show the map key',
  theme: 'Colours',
  themeLight: 'Light',
  themeDark: 'Dark',
  size: 'Size',
  sizes: { small: 'Small (480 × 270)', medium: 'Medium (640 × 360)', large: 'Large (800 × 450)' },
  responsive: 'Fill the width of the page (keeps the shape)',
  camera: 'Start at the map position shown now',
  preview: 'Preview',
  previewFrame: (title: string) => `Preview of the embedded map: ${title}`,
  code: 'Code to copy',
  copy: 'Copy code',
  copied: 'Code copied to the clipboard.',
  copyFailed: 'Could not copy automatically: the code is selected, press Ctrl+C (or ⌘C) to copy it.',
  still: 'Still images',
  stillSlide: 'Image for slides (1920 × 1080 PNG)',
  stillSocial: 'Image for social posts (1200 × 630 PNG)',
  frameTitle: (title: string) => `${title} – Escape Atlas`,
};

export const shareButton = {
  copyLink: 'Copy link',
  share: 'Share…',
  shortLink: 'Short link',
  shortLinkLabel: 'Short link to this view',
  working: 'Making a short link…',
  linkCopied: 'Link to this view copied to the clipboard.',
  shortCopied: 'Short link copied to the clipboard.',
  shortReady: 'Short link ready: select it and copy it.',
  copyFailed: 'Could not copy automatically: select the link and copy it.',
  shortFailed: (message: string) => `No short link: ${message}`,
  shortFailedGeneric: 'No short link: the server did not answer. Share the full link instead.',
  shared: 'Shared.',
};

export const download = {
  slides: 'Download for slides',
  /** The downloaded file's name, without extension. */
  fileName: (slug: string | null) => (slug ? `escape-atlas-${slug}` : 'escape-atlas-routes'),
};
