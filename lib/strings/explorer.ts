// Every word the explorer (map, side panel, legend, filters, notices) puts on screen, in one
// place so the Korean edition is a second file of the same shape. Names of data (routes,
// countries, hazards, risk levels) come from geo/ in both languages and are not repeated here.

export const appName = 'Escape Atlas';
export const appDescription = 'A cited map of the routes people take to escape North Korea, built from five published articles.';
export const explorerTitle = 'Routes out of North Korea';

export const skipToList = 'Skip to route list';

export const map = {
  label: 'Map of escape routes out of North Korea',
  description:
    'An interactive map: lines are routes, drawn by risk level with a colour and a line pattern; circles are crossings and events; shaded areas are zones. Every item on the map is also in the route list, which can be used instead of the map.',
  loading: 'Loading the map…',
  failed: 'The map could not be drawn in this browser. The route list and every route page still work.',
  dataFailed: 'The routes could not be loaded. Reload the page to try again.',
  approximateSuffix: ' (approximate)',
  credit: 'Basemap: Natural Earth',
  /** MapLibre's own control labels, by its locale keys. */
  controls: {
    'Map.Title': 'Map of escape routes out of North Korea',
    'NavigationControl.ZoomIn': 'Zoom in',
    'NavigationControl.ZoomOut': 'Zoom out',
    'AttributionControl.ToggleAttribution': 'Show or hide map credits',
    // Shown over embeds (cooperative gestures) when a gesture is meant for the page, not the map.
    'CooperativeGesturesHandler.WindowsHelpText': 'Use Ctrl + scroll to zoom the map',
    'CooperativeGesturesHandler.MacHelpText': 'Use ⌘ + scroll to zoom the map',
    'CooperativeGesturesHandler.MobileHelpText': 'Use two fingers to move the map',
  },
};

export const panel = {
  label: 'Routes',
  heading: explorerTitle,
  intro: 'Corridors described in five published articles, with the risk each passage reports. Lines show corridors, not exact paths.',
  expand: 'Show more of the list',
  collapse: 'Show more of the map',
  loading: 'Loading routes…',
  allRoutes: 'All routes',
  backToList: 'Back to all routes',
};

export const filters = {
  heading: 'Filter',
  search: 'Search',
  searchPlaceholder: 'Name, place or corridor',
  level: 'Risk level',
  hazard: 'Hazard',
  anyHazard: 'Any hazard',
  to: 'Leads to',
  anyDestination: 'Any destination',
  clear: 'Clear filters',
  /** "12 of 31 shown" */
  count: (shown: number, total: number) => (shown === total ? `${total} items` : `${shown} of ${total} shown`),
  none: 'Nothing matches these filters.',
};

export const kinds = { route: 'Route', stage: 'Stage', crossing: 'Crossing', event: 'Event', zone: 'Zone' } as const;

export const legend = {
  heading: 'Map key',
  risk: 'Risk, as we read the sources',
  levelsExplained: 'What the levels mean',
  shapes: 'Shapes',
  routeLine: 'Route (line pattern = risk level)',
  point: 'Crossing or event (number = risk level)',
  zone: 'Zone',
  approximate: 'Approximate: the sources give no exact path or place',
  layers: 'Show on the map',
  layerRoutes: 'Routes',
  layerPoints: 'Crossings and events',
  layerZones: 'Zones',
  hazards: 'Hazards',
};

export const list = {
  label: 'Routes, crossings, events and zones by corridor',
  keyboardHint: 'Use the arrow keys to move through the list and Enter to open an item.',
  approximate: 'approximate',
  /** An event its source gives no place: listed, with no point on the map. */
  unplaced: 'no place given, not on the map',
  /** Short meta line under each item: "Route · Extreme risk" (the phrase from riskPhrase). */
  meta: (kind: string, risk: string) => `${kind} · ${risk}`,
};

export const announce = {
  selected: (name: string) => `Selected: ${name}`,
  cleared: 'Showing all routes',
};

export const notices = {
  heading: 'About this link',
  dismiss: 'Dismiss',
  camera: 'Ignored an invalid map position in the link.',
  route: 'Ignored an invalid route address in the link.',
  stage: 'Ignored an invalid stage in the link.',
  stageWithoutRoute: 'Ignored a stage in the link: it needs a route.',
  level: 'Ignored an invalid risk level in the link.',
  hazard: 'Ignored an unknown hazard in the link.',
  to: 'Ignored an unknown destination country in the link.',
  q: 'Ignored an invalid search text in the link.',
  period: 'Ignored an invalid period in the link (years are written like 2011, and the start must not be after the end).',
  routeRemoved: 'The route in this shared link is no longer in the atlas. Here is the map at the same place.',
};

export const notFound = {
  title: 'No such route',
  body: 'No route, crossing, event or zone in the atlas has this address. It may be mistyped or the item may have been removed.',
  action: 'Show all routes',
};
