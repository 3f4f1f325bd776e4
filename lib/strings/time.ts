// Every word about time and print: the period filter, the timeline strip, the dates on claims and
// items, and the printable handout of a route page.

export const reported = {
  /** An item's period, from the dates of the sources it quotes. */
  /** The row on an item's page that states its period. */
  term: 'Period',
  periodLabel: 'Reported',
  period: (text: string) => `in sources dated ${text}`,
  undatedAll: 'Its sources are undated.',
  alsoUndated: (n: number) => (n === 1 ? 'One of its sources is undated.' : `${n} of its sources are undated.`),
};

export const filter = {
  legend: 'Period',
  from: 'From',
  to: 'To',
  any: 'Any year',
  hint: 'Items reported or happening in these years; undated items are dimmed while a period is set.',
};

export const timeline = {
  heading: 'Timeline of dated events',
  intro: 'Events by the date the sources give; choose one to open it.',
  /** An event dated by its source's date, not by a date of its own. */
  reportedOn: (monthYear: string) => `reported ${monthYear}`,
  undatedHeading: 'Undated',
  outside: '(outside the chosen period)',
  button: (name: string, when: string) => `${name}, ${when}`,
};

export const handout = {
  printButton: 'Print handout',
  builtOn: (date: string) => `From the Escape Atlas, built on ${date}.`,
  mapAlt: (name: string) => `Still map of ${name}`,
  sourcesHeading: 'Sources quoted',
  noAddress: 'No verified web address is known for this source.',
  archiveAddress: 'Its own address was not found; it was read in the archive page at:',
  riskSummary: 'Risk summary',
};
