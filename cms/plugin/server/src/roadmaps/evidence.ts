/**
 * A file that confirms a road-map activity was done (an order, a protocol, a photo of the event):
 * `POST /api/nastavnik/roadmap-activities/:id/evidence`, multipart, field `file`. The type is decided by the
 * file's content (magic bytes, through the `file-type` package), never by its name or the declared MIME
 * type: a program renamed `.pdf` is refused. The size is limited (EVIDENCE_MAX_BYTES; the request is refused
 * by its declared length before it is read, security/http-guards.ts), and the stored name is reduced to a
 * plain file name with the extension of the real type.
 */
import { rm } from 'node:fs/promises';
import { errors } from '@strapi/utils';
import type { Strapi } from '../types.js';

const ACTIVITY = 'plugin::nastavnik.roadmap-activity';

/** What an evidence file may be, by content: detected MIME type → extension stored. */
export const EVIDENCE_TYPES: Readonly<Record<string, string>> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'image/jpeg': 'jpg',
  'image/png': 'png',
};
const ALLOWED_TEXT = 'PDF, DOCX, XLSX, JPEG или PNG';

export interface EvidenceUpload {
  filepath: string;
  originalFilename?: string | null;
  size: number;
}

const mb = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} МБ`;

/**
 * A name safe to store and to show: the last path segment only, no control or reserved characters, no
 * leading dots, at most 100 characters, and the extension of the detected type.
 */
export function evidenceFileName(original: string | null | undefined, extension: string): string {
  const last = (original ?? '').split(/[/\\]/).pop() ?? '';
  const stem = last
    .normalize('NFC')
    .replace(/\.[^.]*$/, '')
    .replace(/[\p{Cc}\p{Cf}<>:"|?*]/gu, '')
    .replace(/\.{2,}/g, '.')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '')
    .slice(0, 100);
  return `${stem || 'podtverzhdenie'}.${extension}`;
}

interface UploadedFileRow {
  id: number;
  name: string;
  url: string;
  mime: string;
  size: number;
}

interface UploadService {
  upload(input: {
    data: { fileInfo: { name: string } };
    files: { filepath: string; originalFilename: string; mimetype: string; size: number };
  }): Promise<UploadedFileRow[]>;
  remove(file: UploadedFileRow): Promise<unknown>;
}

/** The activity's document service as used here: the write passes the same tenancy checks every update does. */
interface ActivityDocuments {
  findOne(params: { documentId: string; fields: string[] }): Promise<{ documentId: string } | null>;
  update(params: { documentId: string; data: Record<string, unknown> }): Promise<unknown>;
}

export async function attachEvidence(
  strapi: Strapi,
  documentId: string,
  file: EvidenceUpload | undefined,
  maxBytes: number,
) {
  try {
    if (!file) throw new errors.ValidationError('Приложите файл подтверждения (поле file).');
    if (file.size > maxBytes) {
      throw new errors.PayloadTooLargeError(
        `Файл подтверждения слишком большой (${mb(file.size)}): можно не больше ${mb(maxBytes)}.`,
      );
    }
    if (file.size === 0) throw new errors.ValidationError('Файл подтверждения пустой.');
    const { fileTypeFromFile } = await import('file-type');
    const detected = await fileTypeFromFile(file.filepath);
    const extension = detected ? EVIDENCE_TYPES[detected.mime] : undefined;
    if (!detected || !extension) {
      const what = detected
        ? `по содержимому это ${detected.ext.toUpperCase()}`
        : 'формат по содержимому не распознан';
      throw new errors.ValidationError(
        `Файл не принят: ${what}. Подтверждение можно приложить в формате ${ALLOWED_TEXT} (проверяется содержимое файла, а не его имя).`,
      );
    }
    // Read through the caller's scope: an activity of another organisation is "not found".
    const activities = strapi.documents(ACTIVITY) as unknown as ActivityDocuments;
    const activity = await activities.findOne({ documentId, fields: ['documentId'] });
    if (!activity) throw new errors.NotFoundError('Мероприятие дорожной карты не найдено или недоступно.');

    const upload = strapi.plugin('upload').service<UploadService>('upload');
    const name = evidenceFileName(file.originalFilename, extension);
    const [stored] = await upload.upload({
      data: { fileInfo: { name } },
      files: { filepath: file.filepath, originalFilename: name, mimetype: detected.mime, size: file.size },
    });
    if (!stored) throw new Error('загрузка файла не вернула запись');
    try {
      await activities.update({ documentId, data: { evidenceFile: stored.id } });
    } catch (error) {
      // Not linked, not kept: a refused write leaves no orphan file behind.
      await upload.remove(stored);
      throw error;
    }
    return {
      documentId,
      evidenceFile: { name: stored.name, url: stored.url, mime: stored.mime, size: stored.size },
    };
  } finally {
    if (file) await rm(file.filepath, { force: true });
  }
}
