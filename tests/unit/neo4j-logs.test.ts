import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Neo4jLogs } from '../../bench/api/neo4j-logs.ts';

// Lines as the JVM (-Xlog:gc*,safepoint with time,uptime,level,tags) and Neo4j write them.
const YOUNG = '[2026-12-06T18:06:47.882+0000][1.871s][info][gc          ] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 64M->15M(1024M) 37.542ms';
const REMARK = '[2026-12-06T18:06:50.161+0000][14.742s][info][gc          ] GC(14) Pause Remark 90M->83M(1024M) 2.121ms';
const FULL = '[2026-12-06T18:06:52.000+0000][16.000s][info][gc          ] GC(15) Pause Full (G1 Compaction Pause) 900M->70M(1024M) 412.250ms';
const SAFEPOINT =
  '[2026-12-06T18:06:47.886+0000][1.875s][info][safepoint   ] Safepoint "G1CollectForAllocation", Time since last: 237929032 ns, Reaching safepoint: 3225000 ns, Cleanup: 64505 ns, At safepoint: 41597044 ns, Total: 44664774 ns';
const NOT_A_PAUSE = '[2026-12-06T18:06:47.882+0000][1.871s][info][gc,heap     ] GC(0) Eden regions: 64->0(56)';
const VM_PAUSE = '2026-12-06 18:01:32.152+0000 WARN  [o.n.k.i.c.VmPauseMonitorComponent] Detected VM stop-the-world pause: {pauseTime=279, gcTime=0, gcCount=0}';
const INFO = '2026-12-06 18:01:33.000+0000 INFO  [o.n.b.BoltServer] Bolt enabled on localhost:7641.';

describe('Neo4jLogs', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("sums up only what the logs gained since the last window: pauses, the longest, full GCs, safepoints, notable debug lines", () => {
    dir = mkdtempSync(join(tmpdir(), 'neo4j-logs-'));
    const gc = join(dir, 'gc.log');
    const debug = join(dir, 'debug.log');
    writeFileSync(gc, `${YOUNG}\n`);
    writeFileSync(debug, `${VM_PAUSE}\n`);
    const logs = new Neo4jLogs(gc, debug);
    appendFileSync(gc, [YOUNG, NOT_A_PAUSE, REMARK, FULL, SAFEPOINT, ''].join('\n'));
    appendFileSync(debug, [INFO, VM_PAUSE, ''].join('\n'));

    const first = logs.window();
    expect(first.jvm).toMatchObject({ pauses: 3, fullGcs: 1, pauseMaxMs: 412.25, pauseMaxKind: 'Pause Full (G1 Compaction Pause)', heapAfterMb: 70, heapSizeMb: 1024 });
    expect(first.jvm.pauseTotalMs).toBeCloseTo(37.542 + 2.121 + 412.25, 3);
    expect(first.jvm.safepointMaxMs).toBeCloseTo(44.66, 2);
    expect(first.jvm.timeToSafepointMaxMs).toBeCloseTo(3.225, 3);
    expect(first.debugLog).toEqual({ notable: 1, lines: [VM_PAUSE] });

    // a line still being written is left for the next window
    appendFileSync(gc, YOUNG.slice(0, 40));
    expect(logs.window().jvm.pauses).toBe(0);
    appendFileSync(gc, `${YOUNG.slice(40)}\n`);
    expect(logs.window().jvm).toMatchObject({ pauses: 1, pauseMaxMs: 37.542, fullGcs: 0 });
  });
});
