// Every word the guided tours put on screen (/tour, /tour/{id}, /embed/tour/{id}). What a step
// says about the routes is never here: it is read from the cited data (lib/tour/tours.ts).
import { HAZARDS, type HazardId } from '@/geo/vocabulary';

export const atlasTitle = 'The atlas, corridor by corridor';
export const atlasIntro =
  'A guided tour of every corridor in the atlas, in the order the story runs: across the rivers into China, the long journeys through China, the sea and the DMZ, Russia, and defections from posts abroad. Each step quotes its source.';
export const chapters = {
  rivers: 'The river crossings',
  china: 'The long journeys through China',
  'sea-dmz': 'The sea and the DMZ',
  russia: 'Russia',
  abroad: 'Defections abroad',
} as const;

export const stageOf = (order: number, count: number) => `Stage ${order} of ${count}`;
export const riskOf = (i: number, count: number, stage: string) => `Risk ${i} of ${count} · ${stage}`;
export const hazardTitle = (ids: readonly HazardId[]) => ids.map((h) => HAZARDS[h].en).join(' · ');

export const counter = (n: number, count: number) => `Step ${n} of ${count}`;
/** What a screen reader hears when a step is shown. */
export const announce = (n: number, count: number, title: string, text: string) => `Step ${n} of ${count}: ${title}. ${text}`;
export const riskLine = (level: string) => `Risk: ${level}`;
export const riskLabel = 'Risk';
export const whyLevel = 'Why this level';
export const hazards = 'Hazards';
export const noHazards = 'None named by the sources';
export const quoting = (name: string) => `From the page of “${name}”`;

export const previous = 'Previous step';
export const next = 'Next step';
export const first = 'First step';
export const last = 'Last step';
export const stepsNav = 'Tour steps';
export const keysHint =
  'Keys: ← → or Page Up / Page Down to step, Home / End for the first and last step, F for the presenter view (Escape leaves it).';
export const embedKeysHint = 'Keys: ← → to step, Home / End for the first and last step.';
export const present = 'Presenter view';
export const leavePresent = 'Leave presenter view';
export const mapLabel = 'Map of this step';
export const mapDescription =
  'The map of the step: its stage or corridor is drawn at full strength and fitted; the rest of the atlas is dimmed. The step’s text beside the map says the same in words.';

export const index = {
  title: 'Guided tours',
  intro:
    'Step through a route, or the whole atlas, one stage at a time: each step moves the map and quotes its source. For a class, open a tour, press F for the presenter view, and step with the arrow keys or a presentation clicker.',
  atlasHeading: 'Tour of the atlas',
  routesHeading: 'A tour of each route',
  steps: (count: number) => `${count} steps`,
  openRoute: 'Route page',
  backToMap: 'Back to the map',
  allTours: 'All tours',
  embed: 'Embed this tour',
  image: 'Image of this step for slides (PNG)',
};

/** The link to a view's tour beside Embed, Share and Download (components/share-toolbar.tsx). */
export const open = 'Guided tour';

export const pageTitle = (title: string) => `Tour: ${title} – Escape Atlas`;

export const errors = {
  notFoundTitle: 'This tour is not available',
  notFoundBody: 'No guided tour has this address. There is a tour of the atlas and one of each route.',
  badStepTitle: 'This step does not exist',
  badStep: (count: number) => `The step must be a whole number from 1 to ${count}.`,
  startTour: 'Start the tour at step 1',
  allTours: 'See all tours',
};
export const mapLoading = 'Loading the map…';
export const mapFailed = 'The map could not be drawn in this browser. Each step still says in words what it shows, with its source.';

/** The Embed dialog's choice between the map and its guided tour (components/embed-dialog.tsx). */
export const dialog = {
  what: 'What to embed',
  map: 'This map',
  tour: 'Its guided tour, stepped in the frame (for slides and web pages)',
};
