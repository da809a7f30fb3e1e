// Classifying values for a choropleth: quantiles (equal counts per class) and Jenks natural
// breaks (least squared deviation within classes). Pure functions, no DOM.
//
// Breaks are returned as class boundaries [lowest, b1, …, highest]: class c holds the values v
// with breaks[c] < v <= breaks[c + 1] (the first class also holds its lower bound). A bound may
// be null for an open-ended class ("below 0.5", "2 and above"). Fewer classes come back than
// asked for when there are fewer distinct values.

function sortedFinite(values) {
  return values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
}

function distinctCount(sorted) {
  let count = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) count++;
  return count;
}

/**
 * Boundaries with repeated values dropped, so that no class is empty. The lowest value may
 * repeat once: [0, 0, 75] keeps the many zeros in a class of their own instead of with 75.
 */
function strictlyIncreasing(bounds) {
  const result = [bounds[0]];
  for (const b of bounds.slice(1)) {
    if (b > result[result.length - 1] || result.length === 1) result.push(b);
  }
  return result;
}

export function quantileBreaks(values, classes) {
  const data = sortedFinite(values);
  const n = data.length;
  if (n === 0) return [];
  const k = Math.max(1, Math.min(classes, distinctCount(data)));
  const bounds = [data[0]];
  for (let c = 1; c < k; c++) bounds.push(data[Math.ceil((c * n) / k) - 1]);
  bounds.push(data[n - 1]);
  return strictlyIncreasing(bounds);
}

/**
 * Fisher–Jenks optimal classification by dynamic programming over the sorted values: for each
 * prefix and number of classes, the least total within-class sum of squared deviations.
 * O(k·n²), fine for the few hundred areas of a municipality.
 */
export function jenksBreaks(values, classes) {
  const data = sortedFinite(values);
  const n = data.length;
  if (n === 0) return [];
  const k = Math.max(1, Math.min(classes, distinctCount(data)));
  if (k === 1) return [data[0], data[n - 1]];
  const sum = new Float64Array(n + 1);
  const squares = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    sum[i + 1] = sum[i] + data[i];
    squares[i + 1] = squares[i] + data[i] * data[i];
  }
  // Sum of squared deviations of data[from..to], inclusive.
  const deviation = (from, to) => {
    const count = to - from + 1;
    const s = sum[to + 1] - sum[from];
    return Math.max(0, squares[to + 1] - squares[from] - (s * s) / count);
  };
  // cost[c][j]: best cost of data[0..j] in c + 1 classes; start[c][j]: where its last class starts.
  const cost = [Float64Array.from({ length: n }, (_, j) => deviation(0, j))];
  const start = [new Int32Array(n)];
  for (let c = 1; c < k; c++) {
    const row = new Float64Array(n).fill(Infinity);
    const from = new Int32Array(n);
    for (let j = c; j < n; j++) {
      for (let i = c; i <= j; i++) {
        const value = cost[c - 1][i - 1] + deviation(i, j);
        if (value < row[j]) {
          row[j] = value;
          from[j] = i;
        }
      }
    }
    cost.push(row);
    start.push(from);
  }
  const bounds = [data[n - 1]];
  let end = n - 1;
  for (let c = k - 1; c >= 1; c--) {
    const first = start[c][end];
    bounds.unshift(data[first - 1]);
    end = first - 1;
  }
  bounds.unshift(data[0]);
  return strictlyIncreasing(bounds);
}

/** The class index of a value, or -1 when it has none (not a number, or no breaks). */
export function classOf(value, breaks) {
  if (typeof value !== 'number' || !Number.isFinite(value) || breaks.length < 2) return -1;
  const last = breaks.length - 2;
  for (let c = 0; c < last; c++) {
    if (breaks[c + 1] !== null && value <= breaks[c + 1]) return c;
  }
  return last;
}

/**
 * Classes for a representation ratio, symmetric around 1 on a log scale (½ and 2, ⅘ and 5/4),
 * so that a diverging palette's middle means "as many as the population would suggest".
 */
export const RATIO_BREAKS = [null, 0.5, 0.8, 1.25, 2, null];
