/**
 * The shard plan of a large twin. Up to `TWIN_SHARD_CUSTOMERS` customers the twin is generated in one
 * piece, by the same code as before sharding existed (so the 1× and 10× twins keep their bytes; the
 * digests of the 2,000- and 96,096-customer twins were checked). Above it, `writeOlistTwin` generates
 * the twin shard by shard and appends each shard's rows to the nine files, so that peak memory is one
 * shard's (4.0 GiB at 960,960 customers, in the 100× run) whatever the size.
 *
 * - Shards: `ceil(customers / shardCustomers)` shards of equal size (the first `customers mod count`
 *   shards take one customer more), e.g. 9,609,600 = 10 × 960,960.
 * - Seeds: shard `i`'s seed is the `i`-th 32-bit draw of `createRng((seed ^ SHARD_SALT) >>> 0)`
 *   (a draw equal to an earlier one is skipped, so that no two shards are the same twin).
 * - Each shard is a whole twin of its size: its own people, orders, items, payments, reviews, and its
 *   own sellers and products (a marketplace replica with its own ids; items only refer to their
 *   shard's products and sellers).
 * - One geography: every shard draws its zip prefixes, their cities and the geolocation quirks from
 *   shard 0's streams at shard 0's size (`TwinOptions.sharedGeography`), so all shards live on the
 *   same prefixes with the same town names, and the geolocation file is written once (shard 0's),
 *   sized as one shard's. The category translation is written once.
 * - Ids are 32 hex characters drawn from each shard's own sfc32 stream (128-bit state); within a
 *   shard they are unique by construction (`uniqueHexIds`); across shards they are unique with
 *   probability above 1 − n²/2¹²⁹ for n ids in all (birthday bound over 128-bit ids): at 100×,
 *   n ≈ 43 million ids (9.6 M people, 9.9 M customer ids, 9.9 M orders, 9.9 M reviews, 3.3 M
 *   products, 0.3 M sellers), so a collision has probability below 5 × 10⁻²⁴. A global `Set` is not
 *   possible there: V8 caps a Set at 2²⁴ entries.
 * - Row order: each shard's rows are shuffled (items sorted by order id) within the shard, and the
 *   shards follow each other in shard order.
 */
import { createRng } from "../util/random.js";

/** Customers per shard above which the twin is generated shard by shard. */
export const TWIN_SHARD_CUSTOMERS = 1_000_000;
/** Salt of the stream that draws the shard seeds from the master seed. */
const SHARD_SALT = 0x5a4d_0001;

/** One shard: its seed and its customers. */
export interface TwinShard {
  seed: number;
  customers: number;
}

/**
 * The shards of a twin of `customers` at `seed` (one shard, the master seed, up to `shardCustomers`).
 *
 * @example
 * planTwinShards(1, 9_609_600).length; // 10 shards of 960,960
 */
export function planTwinShards(
  seed: number,
  customers: number,
  shardCustomers: number = TWIN_SHARD_CUSTOMERS,
): TwinShard[] {
  // At least 200, so that every shard has at least 100 customers (the smallest twin).
  if (!Number.isSafeInteger(shardCustomers) || shardCustomers < 200) {
    throw new Error(`Twin shard size must be an integer of at least 200, got ${shardCustomers}`);
  }
  if (customers <= shardCustomers) return [{ seed, customers }];
  const count = Math.ceil(customers / shardCustomers);
  const base = Math.floor(customers / count);
  const extra = customers % count;
  const rng = createRng((seed ^ SHARD_SALT) >>> 0);
  const used = new Set<number>();
  const shards: TwinShard[] = [];
  for (let i = 0; i < count; i++) {
    let s = Math.floor(rng.next() * 2 ** 32);
    while (used.has(s)) s = Math.floor(rng.next() * 2 ** 32);
    used.add(s);
    shards.push({ seed: s, customers: base + (i < extra ? 1 : 0) });
  }
  return shards;
}
