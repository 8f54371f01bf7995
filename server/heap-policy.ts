/**
 * How far the server's heap may grow past what survives a full collection: a fixed 2× (V8's
 * --heap-growing-percent=100) instead of V8's own factor, which it derives from how fast its
 * collector ran against the program (1.1× to 4×). The server keeps ~65 MB alive under load but
 * allocates ~0.6 MB per request (GraphQL execution of large answers), so that factor decides its
 * memory: on a busy 2-core machine it swung the heap between ~190 and ~250 MB within one soak
 * (RSS 373 → 330 MB when a neighbour's benchmark slowed us for a minute), with nothing more or
 * less held. A fixed factor ties the heap to the live data: smaller and steady, for a few more
 * (concurrent, mostly incremental) full collections. Read by V8 at every collection, so setting it
 * at start-up takes effect. Imported first by the server's entry points.
 */
import { setFlagsFromString } from 'node:v8';

export const HEAP_GROWING_PERCENT = 100;

setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);

/**
 * Young-generation collections on the main thread alone (V8's --no-parallel-scavenge). Since reads
 * collect their rows through the driver's observer (graph/queries/run.ts collectRows) a scavenge
 * finds ~0.1 MB alive out of ~14 MB (the one request in flight), and splitting that little copying
 * among helper threads costs more than it saves: on the 2-core bench machine the main thread waits
 * for helpers that the other processes (Neo4j, the load generator) keep off the cores. At 100x,
 * neighbourhood at c=1, 60 scavenges each (--trace-gc-nvp, load 4.6-5.2): pause mean 2.05 -> 1.13
 * ms, 90th percentile 4.8 -> 1.4 ms. Read by V8 at every scavenge, so setting it here takes effect.
 */
setFlagsFromString('--no-parallel-scavenge');
