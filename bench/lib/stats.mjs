// Order statistics for small samples (7–15 runs): the median and the spread, never the mean,
// which one slow garbage collection or a noisy neighbour would drag.

/** The q-quantile (0–1) by linear interpolation between the closest ranks. */
export function quantile(values, q) {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!sorted.length) return null;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export function median(values) {
  return quantile(values, 0.5);
}

/** Median, quartiles and extremes of a sample; null when it holds no number. */
export function summary(values) {
  const xs = values.filter(Number.isFinite);
  if (!xs.length) return null;
  return { n: xs.length, median: median(xs), q1: quantile(xs, 0.25), q3: quantile(xs, 0.75), min: Math.min(...xs), max: Math.max(...xs) };
}
