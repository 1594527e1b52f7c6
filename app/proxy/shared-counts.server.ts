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
  const values: unknown[] = [now];
  const param = (value: unknown) => `$${values.push(value)}`;
  const nowParam = "$1::bigint";
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
  const rows = counts.map((_, i) => `SELECT ${i} AS position, points, expire FROM c${i}`).join(" UNION ALL ");
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
