/**
 * Bench-only comparison server: @neo4j/graphql (v7) over the same Neo4j and graph model, so
 * that the five user questions can be asked of it side by side with our API. Type definitions
 * only, queries as natural as @neo4j/graphql allows: generated filters, nested relationship
 * fields, connections sorted by edge weight, @fulltext for search, and a @cypher field for the
 * one question the generated API cannot express (related programmes, same ranking as ours).
 */
import { createServer } from 'node:http';
import { Neo4jGraphQL } from '@neo4j/graphql';
import { createYoga } from 'graphql-yoga';
import { loadConfig } from '../../graph/config.ts';
import { createDriver } from '../../graph/driver.ts';
import { RELATED_PROGRAMMES_CYPHER_FIELD } from '../../graph/queries/related.ts';

const fulltext = (type: string) =>
  `@fulltext(indexes: [{ indexName: "entitySearch", fields: ["name", "searchText"], queryName: "search${type}" }])`;

const common = `
  id: ID!
  type: String
  name: String!
  aliases: [String!]
  mentionCount: Int
  searchText: String
  sections: [Section!]! @relationship(type: "MENTIONED_IN", direction: OUT, properties: "Mention")`;

export const typeDefs = /* GraphQL */ `
  type Document @node {
    id: ID!
    title: String
    published: String
    file: String
  }
  type Section @node {
    id: ID!
    title: String
    ordinal: Int
    document: [Document!]! @relationship(type: "PART_OF", direction: OUT)
  }
  type Mention @relationshipProperties {
    count: Int
    snippets: [String!]
    documentId: String
  }
  type Rel @relationshipProperties {
    weight: Float
    role: String
    documentId: String
    sectionIds: [String!]
    quotes: [String!]
  }
  type Person @node ${fulltext('People')} {
    ${common}
    roles: [String!]
    organisations: [Organisation!]! @relationship(type: "WORKS_FOR", direction: OUT, properties: "Rel")
    municipalities: [Municipality!]! @relationship(type: "HOLDS_OFFICE_IN", direction: OUT, properties: "Rel")
    themes: [Theme!]! @relationship(type: "WORKS_ON", direction: OUT, properties: "Rel")
  }
  type Organisation @node ${fulltext('Organisations')} {
    ${common}
    kind: String
    people: [Person!]! @relationship(type: "WORKS_FOR", direction: IN, properties: "Rel")
    municipalities: [Municipality!]! @relationship(type: "BASED_IN", direction: OUT, properties: "Rel")
    programmes: [Programme!]! @relationship(type: "RUN_BY", direction: IN, properties: "Rel")
    themes: [Theme!]! @relationship(type: "WORKS_ON", direction: OUT, properties: "Rel")
  }
  type Municipality @node ${fulltext('Municipalities')} {
    ${common}
    province: String
    people: [Person!]! @relationship(type: "HOLDS_OFFICE_IN", direction: IN, properties: "Rel")
    organisations: [Organisation!]! @relationship(type: "BASED_IN", direction: IN, properties: "Rel")
    programmes: [Programme!]! @relationship(type: "RUNS_IN", direction: IN, properties: "Rel")
  }
  type Programme @node ${fulltext('Programmes')} {
    ${common}
    kind: String
    organisations: [Organisation!]! @relationship(type: "RUN_BY", direction: OUT, properties: "Rel")
    municipalities: [Municipality!]! @relationship(type: "RUNS_IN", direction: OUT, properties: "Rel")
    themes: [Theme!]! @relationship(type: "WORKS_ON", direction: OUT, properties: "Rel")
    relatedProgrammes(first: Int = 10): [Programme!]!
      @cypher(statement: """${RELATED_PROGRAMMES_CYPHER_FIELD}""", columnName: "c")
  }
  type Theme @node ${fulltext('Themes')} {
    ${common}
    people: [Person!]! @relationship(type: "WORKS_ON", direction: IN, properties: "Rel")
    programmes: [Programme!]! @relationship(type: "WORKS_ON", direction: IN, properties: "Rel")
    organisations: [Organisation!]! @relationship(type: "WORKS_ON", direction: IN, properties: "Rel")
  }
`;

async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.uri) throw new Error('Set NEO4J_URI (and NEO4J_PASSWORD) to the Neo4j to serve.');
  const driver = createDriver(config.uri, config.user, config.password ?? '');
  const neoSchema = new Neo4jGraphQL({ typeDefs, driver });
  const schema = await neoSchema.getSchema();
  const yoga = createYoga({
    schema,
    graphqlEndpoint: '/graphql',
    graphiql: false,
    landingPage: false,
    logging: 'warn',
    context: { sessionConfig: { database: config.database } },
  });
  const server = createServer(yoga);
  server.listen(config.server.port, config.server.host, () => {
    console.log(`@neo4j/graphql listening on http://${config.server.host}:${config.server.port}/graphql`);
  });
  const stop = () => {
    server.close();
    void driver.close().finally(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
