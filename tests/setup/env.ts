import { inject } from 'vitest';

import './context.ts';

// Every test file sees the test run's Neo4j through the usual env vars, so code under test that
// calls connectGraph(loadConfig()) talks to it (and starts nothing).
const neo4j = inject('neo4j');
process.env.NEO4J_URI = neo4j.uri;
process.env.NEO4J_USER = neo4j.user;
process.env.NEO4J_PASSWORD = neo4j.password;
process.env.NEO4J_DATABASE = neo4j.database;
