/** Connection details of the Neo4j the test run uses, handed from globalSetup to the workers. */
export interface TestNeo4j {
  uri: string;
  user: string;
  password: string;
  database: string;
  /** True when globalSetup started its own server (false with NEO4J_URI). */
  embedded: boolean;
}

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: TestNeo4j;
  }
}
