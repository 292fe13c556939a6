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

export type UploadFailure = 'empty' | 'too_large' | 'unsupported_type' | 'type_mismatch';

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
  return { ok: true, type, mime: MIME_BY_TYPE[type], size };
}
