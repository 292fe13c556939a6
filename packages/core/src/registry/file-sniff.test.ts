/** Tests for content-based document type detection and upload validation. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EXTENSION_BY_TYPE,
  isWholeDocument,
  MIME_BY_TYPE,
  sniffDocumentType,
  typeFromContentType,
  typeFromFilename,
  validateUpload,
} from './file-sniff.ts';

const ascii = (s: string) => new TextEncoder().encode(s);
const concat = (...parts: (Uint8Array | number[])[]) => Uint8Array.from(parts.flatMap((p) => [...p]));

/** A minimal but complete one-page PDF. */
const PDF = ascii(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 3 3]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

/** JPEG: SOI, APP0/JFIF segment header, … EOI. */
const JPEG = concat(
  [0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10],
  ascii('JFIF\0'),
  [0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xd9],
);

/** PNG: signature + IHDR chunk (1×1, 8-bit greyscale) + IEND. */
const PNG = concat(
  [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  [0x00, 0x00, 0x00, 0x0d],
  ascii('IHDR'),
  [0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x00, 0x00, 0x00, 0x00, 0x3a, 0x7e, 0x9b, 0x55],
  [0x00, 0x00, 0x00, 0x00],
  ascii('IEND'),
  [0xae, 0x42, 0x60, 0x82],
);

const EXE = concat(ascii('MZ'), [0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]);
const HTML = ascii('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>');

const LIMITS = { maxBytes: 10 * 1024 * 1024 };

describe('sniffDocumentType', () => {
  it('recognises minimal real headers of each type', () => {
    expect(sniffDocumentType(PDF)).toBe('pdf');
    expect(sniffDocumentType(JPEG)).toBe('jpeg');
    expect(sniffDocumentType(PNG)).toBe('png');
  });

  it('recognises exactly the magic numbers, nothing shorter', () => {
    expect(sniffDocumentType(ascii('%PDF-'))).toBe('pdf');
    expect(sniffDocumentType(Uint8Array.of(0xff, 0xd8, 0xff))).toBe('jpeg');
    expect(sniffDocumentType(PNG.slice(0, 8))).toBe('png');
    expect(sniffDocumentType(PDF.slice(0, 4))).toBeNull(); // "%PDF" without the dash
    expect(sniffDocumentType(Uint8Array.of(0xff, 0xd8))).toBeNull();
    expect(sniffDocumentType(PNG.slice(0, 7))).toBeNull();
    expect(sniffDocumentType(new Uint8Array(0))).toBeNull();
  });

  it('rejects executables, HTML, lower-case or offset signatures', () => {
    expect(sniffDocumentType(EXE)).toBeNull();
    expect(sniffDocumentType(HTML)).toBeNull();
    expect(sniffDocumentType(ascii('%pdf-1.4'))).toBeNull();
    expect(sniffDocumentType(concat(ascii(' '), PDF))).toBeNull();
    expect(sniffDocumentType(concat([0xef, 0xbb, 0xbf], PDF))).toBeNull(); // UTF-8 BOM before %PDF-
    expect(sniffDocumentType(Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x00))).toBeNull();
  });

  it('works on a view into a larger buffer', () => {
    const buf = concat([0, 0, 0], PNG);
    expect(sniffDocumentType(buf.subarray(3))).toBe('png');
  });

  it('property: whatever follows a signature does not matter; bytes not starting with one are null', () => {
    const tail = fc.uint8Array({ maxLength: 64 });
    fc.assert(
      fc.property(
        fc.constantFrom(['pdf', ascii('%PDF-')] as const, ['jpeg', JPEG.slice(0, 3)] as const, ['png', PNG.slice(0, 8)] as const),
        tail,
        ([type, magic], rest) => {
          expect(sniffDocumentType(concat(magic, rest))).toBe(type);
        },
      ),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        fc.pre(bytes[0] !== 0x25 && bytes[0] !== 0xff && bytes[0] !== 0x89);
        expect(sniffDocumentType(bytes)).toBeNull();
      }),
      { numRuns: 300 },
    );
  });
});

describe('MIME_BY_TYPE / EXTENSION_BY_TYPE', () => {
  it('map every type to its canonical MIME type and extension, which map back to the type', () => {
    expect(MIME_BY_TYPE).toEqual({ pdf: 'application/pdf', jpeg: 'image/jpeg', png: 'image/png' });
    expect(EXTENSION_BY_TYPE).toEqual({ pdf: 'pdf', jpeg: 'jpg', png: 'png' });
    for (const type of ['pdf', 'jpeg', 'png'] as const) {
      expect(typeFromContentType(MIME_BY_TYPE[type])).toBe(type);
      expect(typeFromFilename(`scan.${EXTENSION_BY_TYPE[type]}`)).toBe(type);
    }
  });

  it('parse declarations leniently: case, parameters, paths, aliases', () => {
    expect(typeFromContentType('Application/PDF; charset=binary')).toBe('pdf');
    expect(typeFromContentType('image/jpg')).toBe('jpeg');
    expect(typeFromContentType('image/x-png')).toBe('png');
    expect(typeFromContentType('application/octet-stream')).toBeNull();
    expect(typeFromContentType('constructor')).toBeNull();
    expect(typeFromFilename('C:\\Users\\me\\营业执照.JPEG')).toBe('jpeg');
    expect(typeFromFilename('dir.pdf/photo')).toBeNull();
    expect(typeFromFilename('archive.png.exe')).toBeNull();
    expect(typeFromFilename('noext')).toBeNull();
    expect(typeFromFilename('x.toString')).toBeNull();
  });
});

describe('validateUpload', () => {
  it('accepts each type with matching or absent declarations, reporting the sniffed MIME type and size', () => {
    expect(validateUpload(PDF, { filename: '营业执照.pdf', contentType: 'application/pdf' }, LIMITS)).toEqual({
      ok: true,
      type: 'pdf',
      mime: 'application/pdf',
      size: PDF.length,
    });
    expect(validateUpload(JPEG, { filename: 'id-front.JPG', contentType: 'image/jpeg' }, LIMITS)).toMatchObject({
      ok: true,
      type: 'jpeg',
      mime: 'image/jpeg',
    });
    expect(validateUpload(PNG, {}, LIMITS)).toMatchObject({ ok: true, type: 'png', mime: 'image/png', size: PNG.length });
  });

  it('lets the bytes decide when the declarations name no accepted type', () => {
    expect(validateUpload(PNG, { filename: 'blob', contentType: 'application/octet-stream' }, LIMITS)).toMatchObject({
      ok: true,
      type: 'png',
    });
    expect(validateUpload(PDF, { filename: 'upload.tmp', contentType: '' }, LIMITS)).toMatchObject({ ok: true, type: 'pdf' });
  });

  it('refuses a renamed file whose name or declared type says another accepted type', () => {
    const r = validateUpload(PNG, { filename: 'licence.pdf' }, LIMITS);
    expect(r).toMatchObject({ ok: false, reason: 'type_mismatch' });
    if (!r.ok)
      expect(r.message).toEqual({
        zh: '文件内容为 PNG，但文件名或类型声明为 PDF',
        en: 'The file content is PNG but its name or declared type says PDF',
      });
    expect(validateUpload(JPEG, { filename: 'photo.png' }, LIMITS)).toMatchObject({ ok: false, reason: 'type_mismatch' });
    expect(validateUpload(PDF, { contentType: 'image/jpeg' }, LIMITS)).toMatchObject({ ok: false, reason: 'type_mismatch' });
    // Either declaration alone is enough to refuse.
    expect(validateUpload(PNG, { filename: 'scan.png', contentType: 'application/pdf' }, LIMITS)).toMatchObject({
      ok: false,
      reason: 'type_mismatch',
    });
    expect(validateUpload(PNG, { filename: 'scan.jpg', contentType: 'image/png' }, LIMITS)).toMatchObject({
      ok: false,
      reason: 'type_mismatch',
    });
  });

  it('refuses content that is none of the three, whatever it is called', () => {
    const exe = validateUpload(EXE, { filename: 'licence.pdf', contentType: 'application/pdf' }, LIMITS);
    expect(exe).toMatchObject({ ok: false, reason: 'unsupported_type' });
    if (!exe.ok) expect(exe.message.zh).toMatch(/PDF、JPEG 或 PNG/);
    expect(validateUpload(HTML, { filename: 'licence.pdf', contentType: 'application/pdf' }, LIMITS)).toMatchObject({
      ok: false,
      reason: 'unsupported_type',
    });
    expect(validateUpload(HTML, { filename: 'photo.jpg' }, LIMITS)).toMatchObject({ ok: false, reason: 'unsupported_type' });
  });

  it('refuses a PDF truncated to 4 bytes', () => {
    expect(validateUpload(PDF.slice(0, 4), { filename: 'a.pdf', contentType: 'application/pdf' }, LIMITS)).toMatchObject({
      ok: false,
      reason: 'unsupported_type',
    });
  });

  it('refuses empty files', () => {
    const r = validateUpload(new Uint8Array(0), { filename: 'a.pdf' }, LIMITS);
    expect(r).toEqual({ ok: false, reason: 'empty', message: { zh: '文件为空', en: 'The file is empty' } });
  });

  it('refuses files over the limit, and accepts exactly the limit', () => {
    const big = concat(PDF, new Uint8Array(100)); // zero padding after %%EOF is allowed
    expect(validateUpload(big, {}, { maxBytes: big.length })).toMatchObject({ ok: true, size: big.length });
    const r = validateUpload(big, {}, { maxBytes: big.length - 1 });
    expect(r).toMatchObject({ ok: false, reason: 'too_large' });
    if (!r.ok) expect(r.message.en).toContain(`limit is ${big.length - 1} bytes`);
    // Size is checked before content: an oversized non-document is "too large", not "unsupported".
    expect(validateUpload(new Uint8Array(11), {}, { maxBytes: 10 })).toMatchObject({ ok: false, reason: 'too_large' });
  });

  it('throws on a nonsensical limit', () => {
    for (const maxBytes of [0, -1, 1.5, Number.NaN]) expect(() => validateUpload(PNG, {}, { maxBytes })).toThrow(RangeError);
  });

  it('property: the result type is always the sniffed type, whatever was declared', () => {
    const names = fc.option(fc.constantFrom('a.pdf', 'a.jpg', 'a.jpeg', 'a.png', 'a.exe', 'a', 'a.PDF'), { nil: undefined });
    const mimes = fc.option(fc.constantFrom('application/pdf', 'image/jpeg', 'image/png', 'text/html', 'application/octet-stream'), {
      nil: undefined,
    });
    fc.assert(
      fc.property(fc.constantFrom(PDF, JPEG, PNG, EXE, HTML), names, mimes, (bytes, filename, contentType) => {
        const r = validateUpload(bytes, { filename, contentType }, LIMITS);
        const sniffed = sniffDocumentType(bytes);
        if (r.ok) {
          expect(r.type).toBe(sniffed);
          expect(r.mime).toBe(MIME_BY_TYPE[r.type]);
        } else if (sniffed === null) {
          expect(r.reason).toBe('unsupported_type');
        } else {
          expect(r.reason).toBe('type_mismatch');
          const claims = [filename && typeFromFilename(filename), contentType && typeFromContentType(contentType)];
          expect(claims.some((c) => c && c !== sniffed)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('isWholeDocument: truncated files and polyglots', () => {
  it('accepts whole files of each type', () => {
    expect(isWholeDocument(PNG, 'png')).toBe(true);
    expect(isWholeDocument(JPEG, 'jpeg')).toBe(true);
    expect(isWholeDocument(PDF, 'pdf')).toBe(true);
    // line ends and zero padding after the end marker are what real writers leave
    expect(isWholeDocument(concat(JPEG, [0, 0, 0x0a]), 'jpeg')).toBe(true);
    expect(isWholeDocument(concat(PDF, ascii('\r\n  ')), 'pdf')).toBe(true);
  });

  it('refuses a PNG with HTML appended, a truncated PNG and a PNG with a bad checksum', () => {
    const polyglot = concat(PNG, HTML);
    expect(isWholeDocument(polyglot, 'png')).toBe(false);
    expect(validateUpload(polyglot, { filename: 'id.png', contentType: 'image/png' }, LIMITS)).toMatchObject({
      ok: false,
      reason: 'malformed',
    });
    expect(isWholeDocument(PNG.slice(0, PNG.length - 4), 'png')).toBe(false);
    expect(isWholeDocument(PNG.slice(0, 20), 'png')).toBe(false);
    const corrupt = Uint8Array.from(PNG);
    corrupt[20] = (corrupt[20] as number) ^ 0xff; // inside IHDR's data: its CRC no longer matches
    expect(isWholeDocument(corrupt, 'png')).toBe(false);
  });

  it('refuses a PNG whose first chunk is not IHDR', () => {
    const noHeader = concat(PNG.slice(0, 8), PNG.slice(33));
    expect(isWholeDocument(noHeader, 'png')).toBe(false);
  });

  it('refuses a JPEG with data after its end marker or with script markup inside, and a PDF with data after %%EOF', () => {
    expect(isWholeDocument(concat(JPEG, HTML), 'jpeg')).toBe(false);
    expect(isWholeDocument(concat(JPEG.slice(0, 6), ascii('<SCRIPT>x</script>'), JPEG.slice(6)), 'jpeg')).toBe(false);
    expect(isWholeDocument(JPEG.slice(0, JPEG.length - 2), 'jpeg')).toBe(false);
    expect(isWholeDocument(concat(PDF, HTML), 'pdf')).toBe(false);
    expect(isWholeDocument(ascii('%PDF-1.4\n1 0 obj<<>>endobj\n'), 'pdf')).toBe(false);
  });

  it('property: any non-padding bytes appended to a whole image make it not whole', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(['png', PNG] as const, ['jpeg', JPEG] as const, ['pdf', PDF] as const),
        fc.uint8Array({ minLength: 1, maxLength: 64 }).filter((b) => b.some((x) => ![0x00, 0x0a, 0x0d, 0x20, 0x09].includes(x))),
        ([type, whole], tail) => {
          // a tail that itself ends in a valid end marker (…%%EOF, …FF D9) would make a longer whole file: skip those
          const t = concat(whole, tail);
          if (type !== 'png' && isWholeDocument(concat(tail), type)) return;
          expect(isWholeDocument(t, type)).toBe(false);
        },
      ),
      { numRuns: 500 },
    );
  });
});
