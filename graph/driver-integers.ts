/**
 * Integers decoded as plain numbers without the driver's Integer objects. With
 * `disableLosslessIntegers` (graph/driver.ts), neo4j-driver still turns every integer it reads into
 * an Integer (an options object and a new Integer for any value outside -128..127) and converts that
 * with `toNumberOrInfinity`, whose two range comparisons subtract Integers (two or three more
 * objects): four or five short-lived objects per integer. The neighbourhood's answer at 100x holds
 * ~8,000 integers (its edges' ends), and the collector's time was the largest part of the API
 * server's CPU for it.
 *
 * Here the markers of integers that fit in 32 bits (all that a 64-bit double holds exactly) are read
 * straight to numbers, only for unpackers made with `disableLosslessIntegers` (and not `useBigInt`):
 * the value is the one the driver would return, and everything else (64-bit integers, floats,
 * other markers, other unpackers) goes to the driver's own code. A driver whose internals differ
 * (no `_unpackNumberOrInteger`) is left alone.
 */
import { createRequire } from 'node:module';

const MARK = Symbol.for('sociaal-kg.driver-integers');
const INT_8 = 0xc8;
const INT_16 = 0xc9;
const INT_32 = 0xca;

interface UnpackBuffer {
  readInt8(): number;
  readInt16(): number;
  readInt32(): number;
}
type UnpackNumber = ((this: UnpackerLike, marker: number, buffer: UnpackBuffer) => unknown) & { [MARK]?: true };
interface UnpackerLike {
  _disableLosslessIntegers?: boolean;
  _useBigInt?: boolean;
}

function unpackerPrototype(): { _unpackNumberOrInteger?: UnpackNumber } | undefined {
  try {
    // the copy neo4j-driver itself loads
    const fromDriver = createRequire(createRequire(import.meta.url).resolve('neo4j-driver'));
    const v1 = fromDriver('neo4j-driver-bolt-connection/lib/packstream/packstream-v1.js') as { Unpacker?: { prototype: object } };
    return v1.Unpacker?.prototype as { _unpackNumberOrInteger?: UnpackNumber } | undefined;
  } catch {
    return undefined;
  }
}

const proto = unpackerPrototype();
const original = proto?._unpackNumberOrInteger;
if (proto && typeof original === 'function' && !original[MARK]) {
  const unpackNumber: UnpackNumber = function (marker, buffer) {
    if (this._disableLosslessIntegers === true && this._useBigInt !== true) {
      if (marker < 0x80) return marker; // TINY_INT 0..127
      if (marker >= 0xf0) return marker - 0x100; // TINY_INT -16..-1
      if (marker === INT_8) return buffer.readInt8();
      if (marker === INT_16) return buffer.readInt16();
      if (marker === INT_32) return buffer.readInt32();
    }
    return original.call(this, marker, buffer);
  };
  unpackNumber[MARK] = true;
  proto._unpackNumberOrInteger = unpackNumber;
}

/** Whether integers are read as plain numbers (false: the driver's own decoding, e.g. a driver version with other internals). */
export const plainIntegers = proto?._unpackNumberOrInteger?.[MARK] === true;

type UnpackList = ((this: { unpack(buffer: unknown, hydrate: unknown): unknown }, size: number, buffer: unknown, hydrate: unknown) => unknown[]) & { [MARK]?: true };
const listProto = proto as { _unpackListWithSize?: UnpackList } | undefined;
const originalList = listProto?._unpackListWithSize;
if (listProto && typeof originalList === 'function' && originalList.length === 3 && !originalList[MARK]) {
  /**
   * A list is read into an array of its final length (the size comes first in the message) instead
   * of one grown by push, whose backing store is copied and thrown away ~log1.5(n) times: for the
   * neighbourhood's ~12,000 listed values at 100x that garbage was ~0.2 MB per answer. Same values.
   */
  const unpackList: UnpackList = function (size, buffer, hydrate) {
    const value = new Array(size);
    for (let i = 0; i < size; i++) value[i] = this.unpack(buffer, hydrate);
    return value;
  };
  unpackList[MARK] = true;
  listProto._unpackListWithSize = unpackList;
}

/** Whether lists are read into arrays of their final length (false: the driver's own code). */
export const presizedLists = listProto?._unpackListWithSize?.[MARK] === true;
