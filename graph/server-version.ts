/**
 * The oldest Neo4j the graph's Cypher runs on: the pair links are created with a dynamic
 * relationship type (`CREATE ()-[:$(type)]->()`, graph/pair-links.ts), which Cypher has had since
 * 5.26, the LTS the project starts itself. A server given by NEO4J_URI is checked on connecting,
 * so that an older one is refused with a clear message instead of failing at the first import.
 */
export const MIN_SERVER_VERSION: readonly [number, number] = [5, 26];

/**
 * Why the server that announced itself as `agent` (Bolt's server agent, e.g. `Neo4j/5.26.0`,
 * `Neo4j/2025.01.0`) is too old, or null when it is new enough or its version cannot be read (a
 * hosted server's agent may carry no plain version; the first query then tells).
 */
export function serverTooOld(agent: string | undefined): string | null {
  const match = /^Neo4j\/(\d+)\.(\d+)/i.exec(agent ?? '');
  if (!match) return null;
  const [major, minor] = [Number(match[1]), Number(match[2])];
  const [needMajor, needMinor] = MIN_SERVER_VERSION;
  if (major > needMajor || (major === needMajor && minor >= needMinor)) return null;
  return `the Neo4j server announces itself as ${agent}; this project needs Neo4j ${needMajor}.${needMinor} or later (its Cypher creates relationships with dynamic types)`;
}
