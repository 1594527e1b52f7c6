/**
 * A request's limits counted in PostgreSQL in one statement (one round trip) instead of one
 * rate-limiter-flexible `consume` each. Same table, same rows as its RateLimiterPostgres: key
 * `keyPrefix:key`, points, expire in epoch milliseconds from the app's clock, so instances still
 * running one `consume` per limit during a deploy share the counts. Its upsert's semantics, per
 * row: an expired window restarts at the points consumed with a new expiry; a live one adds them
 * and keeps its expiry.
 */
import type pg from "pg";

/** One point to count on a row, within a window of `durationMs` while at most `points` are used. */
export interface SharedCount {
  key: string;
  points: number;
  durationMs: number;
}

/** A row as counted: the points used in its window and when the window ends (epoch ms). */
export interface CountedRow {
  points: number;
  expire: number | null;
}

/**
 * Counts one point on each of `counts` in order, each only while every count before it is within
 * its points: what consuming them one after another and stopping at the first refusal does, so a
 * refused request counts against nothing after the limit that refused it. Returns the rows
 * counted, in order; the last is over its points when one refused.
 */
export async function countInOrder(
  pool: pg.Pool,
  table: string,
  counts: SharedCount[],
  now = Date.now(),
): Promise<CountedRow[]> {
  if (counts.length === 0) return [];
  const values: unknown[] = [];
  const { ctes, rows } = countingCtes(table, counts, now, (value) => `$${values.push(value)}`);
  const result = await pool.query<{ position: number; points: number; expire: string | null }>({
    // Prepared once per connection and shape: the text depends only on how many counts and the table.
    name: `${table}:count-in-order:${counts.length}`,
    text: `WITH ${ctes.join(",\n")}\n${rows}`,
    values,
  });
  return result.rows
    .sort((a, b) => a.position - b.position)
    .map((row) => ({ points: row.points, expire: row.expire === null ? null : Number(row.expire) }));
}

/**
 * countInOrder's counts as parts of a statement, possibly a larger one (a write that happens only
 * within them): its CTEs `c0`…, the rows counted (`rows`, a query), and, rendered when asked
 * for, a condition true when every count was taken and is within its points and an expression
 * for the rows counted as a JSON array in order (read with `countedRows`). `param` adds a value
 * to the statement and returns its placeholder.
 */
export function countingCtes(
  table: string,
  counts: SharedCount[],
  now: number,
  param: (value: unknown) => string,
): { ctes: string[]; rows: string; withinLimits: () => string; counted: () => string } {
  const nowParam = `${param(now)}::bigint`;
  const ctes = counts.map((count, i) => {
    const row = `${param(count.key)}::varchar, 1, ${param(now + count.durationMs)}::bigint`;
    // Counted only when the count before it was, and stayed within its points.
    const previous =
      i === 0 ? "" : ` WHERE EXISTS (SELECT 1 FROM c${i - 1} WHERE points <= ${param(counts[i - 1].points)}::integer)`;
    return `c${i} AS (INSERT INTO "${table}" AS t (key, points, expire) SELECT ${row}${previous}
      ON CONFLICT (key) DO UPDATE SET
        points = CASE WHEN t.expire <= ${nowParam} THEN excluded.points ELSE t.points + excluded.points END,
        expire = CASE WHEN t.expire <= ${nowParam} THEN excluded.expire ELSE t.expire END
      RETURNING t.points, t.expire)`;
  });
  const last = counts.length - 1;
  // The last count is taken only when every one before it was within its points.
  const withinLimits = () => `EXISTS (SELECT 1 FROM c${last} WHERE points <= ${param(counts[last].points)}::integer)`;
  const rows = counts.map((_, i) => `SELECT ${i} AS position, points, expire FROM c${i}`).join(" UNION ALL ");
  const counted = () =>
    `(SELECT json_agg(json_build_array(r.position, r.points, r.expire) ORDER BY r.position) FROM (${rows}) r)`;
  return { ctes, rows, withinLimits, counted };
}

/** The rows `countingCtes`'s `counted` expression returned, in order. */
export function countedRows(counted: unknown): CountedRow[] {
  if (!Array.isArray(counted)) return [];
  return counted.map(([, points, expire]: [number, number, number | string | null]) => ({
    points: Number(points),
    expire: expire === null ? null : Number(expire),
  }));
}
