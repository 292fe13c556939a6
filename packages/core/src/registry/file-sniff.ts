/**
 * Content sniffing for registry document uploads (licences, ID card scans, authorisations). Only PDF, JPEG and PNG
 * are accepted, and the type is decided by the leading bytes (magic numbers) — never by the file name or the
 * declared Content-Type, which are client-controlled. The declarations are only cross-checked: if they name a
 * different accepted type than the bytes, the upload is refused as a mismatch. Pure: no I/O.
 */

import type { BilingualMessage } from './identifiers.ts';

export type DocumentType = 'pdf' | 'jpeg' | 'png';

export const MIME_BY_TYPE: Readonly<Record<DocumentType, string>> = {
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: 'image/png',
};

/** Canonical extension (without the dot) to store or serve each type under. */
export const EXTENSION_BY_TYPE: Readonly<Record<DocumentType, string>> = {
  pdf: 'pdf',
  jpeg: 'jpg',
  png: 'png',
};

const PDF_MAGIC: readonly number[] = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const JPEG_MAGIC: readonly number[] = [0xff, 0xd8, 0xff]; // SOI + first marker
const PNG_MAGIC: readonly number[] = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  if (bytes.length < magic.length) return false;
  return magic.every((b, i) => bytes[i] === b);
}

/**
 * The document type from the leading bytes, or null. The signature must be at offset 0: PDF readers tolerate junk
 * before `%PDF-`, but a file that needs that tolerance is exactly the kind of polyglot we refuse.
 */
export function sniffDocumentType(bytes: Uint8Array): DocumentType | null {
  if (startsWith(bytes, PDF_MAGIC)) return 'pdf';
  if (startsWith(bytes, PNG_MAGIC)) return 'png';
  if (startsWith(bytes, JPEG_MAGIC)) return 'jpeg';
  return null;
}

const TYPE_BY_MIME: Readonly<Record<string, DocumentType>> = {
  'application/pdf': 'pdf',
  'application/x-pdf': 'pdf',
  'image/jpeg': 'jpeg',
  'image/jpg': 'jpeg',
  'image/pjpeg': 'jpeg',
  'image/png': 'png',
  'image/x-png': 'png',
};

const TYPE_BY_EXTENSION: Readonly<Record<string, DocumentType>> = {
  pdf: 'pdf',
  jpg: 'jpeg',
  jpeg: 'jpeg',
  jpe: 'jpeg',
  jfif: 'jpeg',
  png: 'png',
};

/** The accepted type a Content-Type names (parameters and case ignored), or null if it names none of them. */
export function typeFromContentType(contentType: string): DocumentType | null {
  const essence = (contentType.split(';')[0] ?? '').trim().toLowerCase();
  return Object.hasOwn(TYPE_BY_MIME, essence) ? (TYPE_BY_MIME[essence] ?? null) : null;
}

/** The accepted type a file name's last extension names (either path separator, case ignored), or null. */
export function typeFromFilename(filename: string): DocumentType | null {
  const base = filename.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  if (dot < 0) return null;
  const ext = base
    .slice(dot + 1)
    .trim()
    .toLowerCase();
  return Object.hasOwn(TYPE_BY_EXTENSION, ext) ? (TYPE_BY_EXTENSION[ext] ?? null) : null;
}

export type UploadFailure = 'empty' | 'too_large' | 'unsupported_type' | 'type_mismatch' | 'malformed';

const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array, from: number, to: number): number {
  let c = 0xffffffff;
  for (let i = from; i < to; i++) c = (CRC_TABLE[(c ^ (bytes[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const u32 = (b: Uint8Array, at: number) =>
  (((b[at] as number) << 24) | ((b[at + 1] as number) << 16) | ((b[at + 2] as number) << 8) | (b[at + 3] as number)) >>> 0;

/** A PNG is whole when its chunks chain from IHDR to IEND with good checksums and nothing follows IEND. */
function pngIsWhole(b: Uint8Array): boolean {
  let at = 8;
  let first = true;
  while (at + 12 <= b.length) {
    const len = u32(b, at);
    const end = at + 12 + len;
    if (len > 0x7fffffff || end > b.length) return false;
    const type = String.fromCharCode(b[at + 4] as number, b[at + 5] as number, b[at + 6] as number, b[at + 7] as number);
    if (first && (type !== 'IHDR' || len !== 13)) return false;
    if (crc32(b, at + 4, at + 8 + len) !== u32(b, at + 8 + len)) return false;
    first = false;
    at = end;
    if (type === 'IEND') return at === b.length;
  }
  return false;
}

/** Bytes allowed after a JPEG's end-of-image marker or a PDF's last %%EOF: line ends, spaces and zero padding. */
const isPadding = (x: number) => x === 0x00 || x === 0x0a || x === 0x0d || x === 0x20 || x === 0x09;

function endsAfter(b: Uint8Array, marker: readonly number[]): boolean {
  let end = b.length;
  while (end > 0 && isPadding(b[end - 1] as number)) end--;
  if (end < marker.length) return false;
  return marker.every((m, i) => b[end - marker.length + i] === m);
}

const EOF_PDF = [0x25, 0x25, 0x45, 0x4f, 0x46]; // %%EOF
const EOI_JPEG = [0xff, 0xd9];

/** Markup that has no business in a scanned licence; its presence means a polyglot meant for a browser. */
const MARKUP = /<(?:script|html|svg|iframe|object|embed|body|\?php)\b/i;

// windows-1252 keeps one character per byte, so ASCII markers are found wherever they sit in the binary.
const BYTES_AS_TEXT = new TextDecoder('windows-1252');

function hasMarkup(b: Uint8Array): boolean {
  return MARKUP.test(BYTES_AS_TEXT.decode(b));
}

/**
 * Whether the file is whole and nothing else: a PNG's chunks end at IEND, a JPEG ends at its end-of-image marker, a
 * PDF at its last %%EOF (only padding after), and no image carries HTML or script markup. Data appended to a valid
 * image (an HTML page after a PNG) is exactly how polyglot files are built.
 */
export function isWholeDocument(bytes: Uint8Array, type: DocumentType): boolean {
  switch (type) {
    case 'png':
      return pngIsWhole(bytes) && !hasMarkup(bytes);
    case 'jpeg':
      return endsAfter(bytes, EOI_JPEG) && !hasMarkup(bytes);
    case 'pdf':
      return endsAfter(bytes, EOF_PDF);
  }
}

export type UploadResult =
  | { ok: true; type: DocumentType; mime: string; size: number }
  | { ok: false; reason: UploadFailure; message: BilingualMessage };

const LABEL: Readonly<Record<DocumentType, string>> = { pdf: 'PDF', jpeg: 'JPEG', png: 'PNG' };

function fail(reason: UploadFailure, message: BilingualMessage): UploadResult {
  return { ok: false, reason, message };
}

/**
 * Validates an uploaded document. In order: empty → too large (`size > maxBytes`) → bytes are not PDF/JPEG/PNG
 * (`unsupported_type`, whatever the name says: an .exe or HTML renamed .pdf) → the declared Content-Type or file
 * extension names a *different* accepted type than the bytes (`type_mismatch`, e.g. a PNG named .pdf).
 *
 * Declarations naming no accepted type (`application/octet-stream`, no extension, `.tmp`) are ignored: browsers
 * and mobile pickers send those for perfectly good files, and the bytes decide anyway. On success `mime` is the
 * canonical MIME type of the sniffed type, never the declared one.
 *
 * @throws RangeError unless `limits.maxBytes` is a positive integer.
 */
export function validateUpload(
  bytes: Uint8Array,
  declared: { filename?: string; contentType?: string },
  limits: { maxBytes: number },
): UploadResult {
  if (!Number.isInteger(limits.maxBytes) || limits.maxBytes <= 0) {
    throw new RangeError(`maxBytes must be a positive integer, got ${limits.maxBytes}`);
  }
  const size = bytes.length;
  if (size === 0) return fail('empty', { zh: '文件为空', en: 'The file is empty' });
  if (size > limits.maxBytes) {
    return fail('too_large', {
      zh: `文件过大（${size} 字节），上限为 ${limits.maxBytes} 字节`,
      en: `The file is too large (${size} bytes); the limit is ${limits.maxBytes} bytes`,
    });
  }
  const type = sniffDocumentType(bytes);
  if (type === null) {
    return fail('unsupported_type', {
      zh: '仅支持 PDF、JPEG 或 PNG 格式的文件（按文件内容识别）',
      en: 'Only PDF, JPEG or PNG files are accepted (identified by their content)',
    });
  }
  const claims = [
    declared.contentType === undefined ? null : typeFromContentType(declared.contentType),
    declared.filename === undefined ? null : typeFromFilename(declared.filename),
  ];
  const claimed = claims.find((c): c is DocumentType => c !== null && c !== type);
  if (claimed !== undefined) {
    return fail('type_mismatch', {
      zh: `文件内容为 ${LABEL[type]}，但文件名或类型声明为 ${LABEL[claimed]}`,
      en: `The file content is ${LABEL[type]} but its name or declared type says ${LABEL[claimed]}`,
    });
  }
  if (!isWholeDocument(bytes, type)) {
    return fail('malformed', {
      zh: `文件不是完整的 ${LABEL[type]}：内容残缺，或在文件末尾附加了其他数据`,
      en: `The file is not a whole ${LABEL[type]}: it is truncated or has other data appended`,
    });
  }
  return { ok: true, type, mime: MIME_BY_TYPE[type], size };
}
