/**
 * The GraphQL schema minimum in ../shared/DESIGN.md is a contract: every type, field, argument,
 * argument type and default in it must exist identically in the schema the server serves.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildClientSchema, buildSchema, getIntrospectionQuery, isEnumType, isInterfaceType, isObjectType,
  type GraphQLArgument, type GraphQLField, type GraphQLSchema,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { projectRoot } from '../../graph/config.ts';
import { closeTestDriver } from '../setup/neo4j.ts';
import { startApp, type RunningApp } from './harness.ts';

const DESIGN = join(projectRoot, '..', 'shared', 'DESIGN.md');
const COPY = join(projectRoot, 'tests', 'api', 'contract-schema.graphql');

/** The indented schema block under "## GraphQL schema minimum (contract)". */
function schemaBlockOf(markdown: string): string {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => l.startsWith('## GraphQL schema minimum'));
  if (start < 0) throw new Error('DESIGN.md has no "GraphQL schema minimum" section');
  const block: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('    ')) block.push(line.slice(4));
    else if (line.trim() === '') block.push('');
    else if (block.some((l) => l.trim() !== '')) break;
  }
  return block.join('\n').trim();
}

function contractSDL(): string {
  return existsSync(DESIGN) ? schemaBlockOf(readFileSync(DESIGN, 'utf8')) : readFileSync(COPY, 'utf8');
}

const typeString = (t: { toString(): string }) => t.toString();
const defaultOf = (a: GraphQLArgument) => (a.defaultValue === undefined ? '<none>' : JSON.stringify(a.defaultValue));

/** Everything the contract states, as comparable lines ("Type.field(arg: Type = default): Type"). */
function contractLines(contract: GraphQLSchema, served: GraphQLSchema): { expected: string[]; actual: string[] } {
  const expected: string[] = [];
  const actual: string[] = [];
  const describeField = (typeName: string, f: GraphQLField<unknown, unknown> | undefined, name: string, args: string[]) => {
    if (!f) return `${typeName}.${name}: <missing>`;
    return `${typeName}.${name}: ${typeString(f.type)}`;
  };
  for (const type of Object.values(contract.getTypeMap())) {
    if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
    const mine = served.getType(type.name);
    const kind = (t: unknown) =>
      isEnumType(t) ? 'enum' : isInterfaceType(t) ? 'interface' : isObjectType(t) ? 'type' : t ? 'other' : '<missing>';
    expected.push(`${type.name} is ${kind(type)}`);
    actual.push(`${type.name} is ${kind(mine)}`);
    if (isEnumType(type)) {
      for (const v of type.getValues()) {
        expected.push(`${type.name}.${v.name}`);
        actual.push(isEnumType(mine) && mine.getValue(v.name) ? `${type.name}.${v.name}` : `${type.name}.${v.name} <missing>`);
      }
    }
    if (isObjectType(type) || isInterfaceType(type)) {
      const myFields = isObjectType(mine) || isInterfaceType(mine) ? mine.getFields() : {};
      if (isObjectType(type)) {
        for (const i of type.getInterfaces()) {
          expected.push(`${type.name} implements ${i.name}`);
          const implemented = isObjectType(mine) && mine.getInterfaces().some((m) => m.name === i.name);
          actual.push(`${type.name} ${implemented ? 'implements' : 'does not implement'} ${i.name}`);
        }
      }
      for (const field of Object.values(type.getFields())) {
        const mineField = myFields[field.name];
        expected.push(describeField(type.name, field, field.name, []));
        actual.push(describeField(type.name, mineField, field.name, []));
        for (const arg of field.args) {
          expected.push(`${type.name}.${field.name}(${arg.name}: ${typeString(arg.type)} = ${defaultOf(arg)})`);
          const myArg = mineField?.args.find((a) => a.name === arg.name);
          actual.push(
            myArg
              ? `${type.name}.${field.name}(${arg.name}: ${typeString(myArg.type)} = ${defaultOf(myArg)})`
              : `${type.name}.${field.name}(${arg.name}: <missing>)`,
          );
        }
      }
    }
  }
  return { expected, actual };
}

let app: RunningApp;

beforeAll(async () => {
  app = await startApp();
});

afterAll(async () => {
  await app.close();
  await closeTestDriver();
});

describe('GraphQL contract (DESIGN.md schema minimum)', () => {
  it('keeps tests/api/contract-schema.graphql a verbatim copy of the DESIGN.md block', () => {
    if (!existsSync(DESIGN)) return; // only the copy is available: nothing to compare with
    expect(readFileSync(COPY, 'utf8').trim()).toBe(schemaBlockOf(readFileSync(DESIGN, 'utf8')));
  });

  it('serves every contract type, field, argument, argument type and default (introspection over HTTP)', async () => {
    const res = await app.gql(getIntrospectionQuery());
    expect(res.body.errors).toBeUndefined();
    const served = buildClientSchema(res.body.data as never);
    const contract = buildSchema(contractSDL(), { assumeValidSDL: true });
    const { expected, actual } = contractLines(contract, served);
    expect(expected.length).toBeGreaterThan(100);
    expect(actual).toEqual(expected);
  });

  it('serves the same at /schema.graphql (SDL download)', async () => {
    const res = await fetch(`${app.baseUrl}/schema.graphql`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const served = buildSchema(await res.text());
    const contract = buildSchema(contractSDL(), { assumeValidSDL: true });
    const { expected, actual } = contractLines(contract, served);
    expect(actual).toEqual(expected);
  });

  it('detects a difference (the comparison is not blind)', () => {
    const contract = buildSchema(contractSDL(), { assumeValidSDL: true });
    const altered = buildSchema(contractSDL().replace('first: Int = 20): [Entity!]!', 'first: Int = 25): [Entity!]!'), { assumeValidSDL: true });
    const { expected, actual } = contractLines(contract, altered);
    expect(actual).not.toEqual(expected);
  });
});
