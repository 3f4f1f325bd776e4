// The period an item's sources cover, in one sentence, for its page and its handout: "Reported in
// sources dated October 2012 to November 2020. One of its sources is undated."
import type { RouteDetail } from '@/lib/data/api-schema';
import { time } from '@/lib/strings';
import { periodText } from '@/lib/time/period';

const t = time.reported;

export function periodSentence({ period, undatedSources }: Pick<RouteDetail, 'period' | 'undatedSources'>): string {
  if (!period) return t.undatedAll;
  const dated = `${t.periodLabel} ${t.period(periodText(period))}.`;
  return undatedSources > 0 ? `${dated} ${t.alsoUndated(undatedSources)}` : dated;
}
