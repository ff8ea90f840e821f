/**
 * Reads a few named entries of a ZIP with the platform's own inflater (DecompressionStream, in Node
 * and in browsers), which is several times faster than a JavaScript inflater on a large DOCX.
 * Returns null for anything it does not handle (ZIP64, encryption, other compression methods, no
 * DecompressionStream), and the caller then uses JSZip.
 */

/** A DOCX part larger than this is not a road map but a decompression bomb. */
const MAX_ENTRY_BYTES = 256 * 1024 * 1024;

/** A byte past the end reads as 0, as the bitwise operators made of `undefined`; callers check bounds first. */
function byte(bytes: Uint8Array, at: number): number {
  return bytes[at] ?? 0;
}

function u16(bytes: Uint8Array, at: number): number {
  return byte(bytes, at) | (byte(bytes, at + 1) << 8);
}

function u32(bytes: Uint8Array, at: number): number {
  return (u16(bytes, at) | (u16(bytes, at + 2) << 16)) >>> 0;
}

async function inflate(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream('deflate-raw'));
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > MAX_ENTRY_BYTES) {
      await reader.cancel();
      throw new Error('ZIP entry too large');
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

/** The entries as UTF-8 text by name (missing names are absent), or null when not readable here. */
export async function readZipText(
  bytes: Uint8Array,
  names: readonly string[],
): Promise<Map<string, string> | null> {
  if (typeof DecompressionStream === 'undefined' || typeof Blob === 'undefined') return null;
  // End of central directory: the last 22 bytes, or up to 64 KiB more with a comment.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i -= 1) {
    if (u32(bytes, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = u16(bytes, eocd + 10);
  let at = u32(bytes, eocd + 16);
  if (count === 0xffff || at === 0xffffffff) return null; // ZIP64
  const wanted = new Set(names);
  const found = new Map<string, string>();
  const decoder = new TextDecoder('utf-8');
  for (let k = 0; k < count; k += 1) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) return null;
    const flags = u16(bytes, at + 8);
    const method = u16(bytes, at + 10);
    const compressed = u32(bytes, at + 20);
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    const local = u32(bytes, at + 42);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
    if (!wanted.has(name)) continue;
    if (flags & 1 || (method !== 0 && method !== 8)) return null;
    if (local + 30 > bytes.length || u32(bytes, local) !== 0x04034b50) return null;
    const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
    const data = bytes.subarray(start, start + compressed);
    if (data.byteLength !== compressed) return null;
    const raw = method === 0 ? data : await inflate(data);
    found.set(name, decoder.decode(raw));
  }
  return found;
}
