// The step of a tour in its address (`?step=3`): read with zod at the boundary, written without
// it. Step 1 is the default and is left out of the URLs this writes. A malformed step is a 400,
// a step past the tour's end a 404: the pages say so, never a 500.
import '../security/zod-jitless'; // first: before any schema is made
// zod's tree-shakable build: tour links are written in the browser (the explorer's Embed dialog).
import * as z from 'zod/mini';

/** A step as the query spells it: digits only ("3", not "3.0", "+3" or " 3"). */
const StepParam = z.pipe(z.string().check(z.regex(/^[1-9]\d{0,3}$/)), z.transform(Number));

export type StepParse = { ok: true; step: number } | { ok: false; status: 400 | 404 };

/** The step `?step=` names in a tour of `count` steps. Absent is step 1; repeated is malformed. */
export function parseStep(value: string | string[] | null | undefined, count: number): StepParse {
  if (value === undefined || value === null) return { ok: true, step: 1 };
  if (Array.isArray(value)) return value.length === 1 ? parseStep(value[0], count) : { ok: false, status: 400 };
  const parsed = StepParam.safeParse(value);
  if (!parsed.success) return { ok: false, status: 400 };
  return parsed.data <= count ? { ok: true, step: parsed.data } : { ok: false, status: 404 };
}

/** The query of a step's address: '' for step 1, `?step=n` otherwise (other parameters kept). */
export function stepSearch(step: number, params: URLSearchParams = new URLSearchParams()): string {
  const next = new URLSearchParams(params);
  if (step === 1) next.delete('step');
  else next.set('step', String(step));
  const s = next.toString();
  return s ? `?${s}` : '';
}
