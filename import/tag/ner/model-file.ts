/**
 * The model file: gzip of  magic "SKGNER" + u16 format version + u32 header length + JSON header +
 * the binary sections the header lists (name, type, length), little-endian, each 8-byte aligned.
 */
import { gunzipSync, gzipSync } from 'node:zlib';

export const MODEL_MAGIC = 'SKGNER';
export const MODEL_FORMAT_VERSION = 1;

type SectionArray = Int16Array | Uint16Array | Uint32Array | Float32Array | Uint8Array;
const KINDS = { Int16Array, Uint16Array, Uint32Array, Float32Array, Uint8Array } as const;
type SectionKind = keyof typeof KINDS;

export interface SectionInfo {
  name: string;
  kind: SectionKind;
  length: number;
}

export class ModelFileError extends Error {}

export function encodeModel(header: Record<string, unknown>, sections: Record<string, SectionArray>): Buffer {
  const infos: SectionInfo[] = Object.entries(sections).map(([name, a]) => ({ name, kind: a.constructor.name as SectionKind, length: a.length }));
  const json = Buffer.from(JSON.stringify({ ...header, sections: infos }), 'utf8');
  const parts: Buffer[] = [];
  const head = Buffer.alloc(12);
  head.write(MODEL_MAGIC, 0, 'latin1');
  head.writeUInt16LE(MODEL_FORMAT_VERSION, 6);
  head.writeUInt32LE(json.length, 8);
  parts.push(head, json);
  let size = 12 + json.length;
  for (const a of Object.values(sections)) {
    const pad = (8 - (size % 8)) % 8;
    parts.push(Buffer.alloc(pad));
    const bytes = Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    parts.push(bytes);
    size += pad + bytes.length;
  }
  return gzipSync(Buffer.concat(parts), { level: 9 });
}

export function decodeModel(file: Buffer): { header: Record<string, unknown>; sections: Map<string, SectionArray> } {
  let raw: Buffer;
  try {
    // The gzip trailer holds the unpacked size: one output chunk of that size, instead of many chunks
    // and their concatenation (twice the weights in memory while loading).
    const size = file.length >= 18 ? file.readUInt32LE(file.length - 4) : 0;
    raw = gunzipSync(file, size > 0 ? { chunkSize: Math.max(64 * 1024, size + 1) } : {});
  } catch (error) {
    throw new ModelFileError(`not a gzip model file (${(error as Error).message})`);
  }
  if (raw.length < 12 || raw.toString('latin1', 0, 6) !== MODEL_MAGIC) throw new ModelFileError('not a tagger model (bad magic)');
  const version = raw.readUInt16LE(6);
  if (version !== MODEL_FORMAT_VERSION) throw new ModelFileError(`model file format ${version}, this code reads ${MODEL_FORMAT_VERSION}: retrain with npm run train`);
  const headerLength = raw.readUInt32LE(8);
  if (12 + headerLength > raw.length) throw new ModelFileError('model file truncated (header)');
  let header: Record<string, unknown>;
  try {
    header = JSON.parse(raw.toString('utf8', 12, 12 + headerLength)) as Record<string, unknown>;
  } catch {
    throw new ModelFileError('model header is not valid JSON');
  }
  const infos = header.sections as SectionInfo[] | undefined;
  if (!Array.isArray(infos)) throw new ModelFileError('model header lists no sections');
  const sections = new Map<string, SectionArray>();
  let offset = 12 + headerLength;
  for (const info of infos) {
    const Kind = KINDS[info.kind];
    if (!Kind || !Number.isInteger(info.length) || info.length < 0) throw new ModelFileError(`bad section ${String(info.name)}`);
    offset += (8 - (offset % 8)) % 8;
    const bytes = info.length * Kind.BYTES_PER_ELEMENT;
    if (offset + bytes > raw.length) throw new ModelFileError(`model file truncated (section ${info.name})`);
    // A view into the unpacked file where it is aligned (no second copy of the weights while loading);
    // a caller that keeps a section beyond loading copies it (see TrainedNerModel.fromBuffer).
    const at = raw.byteOffset + offset;
    if (at % Kind.BYTES_PER_ELEMENT === 0) sections.set(info.name, new Kind(raw.buffer as ArrayBuffer, at, info.length));
    else {
      const copy = new ArrayBuffer(bytes);
      new Uint8Array(copy).set(raw.subarray(offset, offset + bytes));
      sections.set(info.name, new Kind(copy));
    }
    offset += bytes;
  }
  return { header, sections };
}
