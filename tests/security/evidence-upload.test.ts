/**
 * Evidence files of road-map activities over real HTTP (multipart, as the extension and the admin screens
 * send them): the type is judged by the content, so a program renamed `.pdf` is refused while real PDF,
 * DOCX, JPEG and PNG files are taken; a file over the limit is refused before it is read; a path in the
 * file name is cut away; an activity of another organisation is out of reach. Every refusal is in Russian
 * and writes nothing.
 */
import { Document, Packer, Paragraph } from 'docx';
import sharp from 'sharp';
import { beforeAll, describe, expect, it, inject } from 'vitest';
import { dataOf, gql, jwtOf } from '../harness/graphql.js';
import { EVIDENCE_MAX_BYTES } from './global-setup.js';

let activity = '';

const evidenceOf = async (jwt: string) =>
  dataOf(
    await gql<{ nastavnikRoadmapActivity: { evidenceFile: { name: string } | null } | null }>(
      `query($id: ID!) { nastavnikRoadmapActivity(documentId: $id) { evidenceFile { name } } }`,
      { id: activity },
      jwt,
    ),
  ).nastavnikRoadmapActivity?.evidenceFile?.name ?? null;

async function send(bytes: Uint8Array, filename: string, declaredType: string, user = 'demoCurator') {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type: declaredType }), filename);
  const res = await fetch(`${inject('strapiUrl')}/api/nastavnik/roadmap-activities/${activity}/evidence`, {
    method: 'POST',
    headers: { authorization: `Bearer ${jwtOf(user)}` },
    body: form,
  });
  const body = (await res.json()) as {
    evidenceFile?: { name: string; url: string; mime: string; size: number };
    error?: { message: string };
  };
  return { status: res.status, body };
}

const pdf = () =>
  Buffer.from(
    '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n' +
      'trailer << /Root 1 0 R >>\n%%EOF\n',
  );

/** A Windows program: the MZ header with a PE signature where the header points. */
function program() {
  const exe = Buffer.alloc(1024);
  exe.write('MZ', 0, 'latin1');
  exe.writeUInt32LE(0x80, 0x3c);
  exe.write('PE\0\0', 0x80, 'latin1');
  return exe;
}

beforeAll(async () => {
  const found = dataOf(
    await gql<{ nastavnikRoadmapActivities: Array<{ documentId: string }> }>(
      `{ nastavnikRoadmapActivities(filters: { roadmap: { organisation: { slug: { eq: "bor-demo-school" } } } }, pagination: { limit: 1 }) { documentId } }`,
      {},
      jwtOf('demoCurator'),
    ),
  ).nastavnikRoadmapActivities[0];
  if (!found) throw new Error('у демо-школы нет мероприятий дорожной карты');
  activity = found.documentId;
});

describe('evidence files of road-map activities', () => {
  it('refuses a program renamed .pdf, by its content, and keeps nothing', async () => {
    const before = await evidenceOf(jwtOf('demoCurator'));
    const res = await send(program(), 'prikaz.pdf', 'application/pdf');
    expect(res.status).toBe(400);
    expect(res.body.error?.message).toBe(
      'Файл не принят: по содержимому это EXE. Подтверждение можно приложить в формате PDF, DOCX, XLSX, JPEG или PNG (проверяется содержимое файла, а не его имя).',
    );
    expect(await evidenceOf(jwtOf('demoCurator'))).toBe(before);
  });

  it('refuses plain text posing as a document', async () => {
    const res = await send(Buffer.from('не документ, а текст'), 'otchet.docx', 'application/msword');
    expect(res.status).toBe(400);
    expect(res.body.error?.message).toContain('формат по содержимому не распознан');
  });

  it('refuses a file over the limit before reading it', async () => {
    const big = Buffer.concat([pdf(), Buffer.alloc(EVIDENCE_MAX_BYTES + 128 * 1024, 0x20)]);
    const res = await send(big, 'bolshoy.pdf', 'application/pdf');
    expect(res.status).toBe(413);
    expect(res.body.error?.message).toBe('Файл подтверждения слишком большой: можно не больше 1 МБ.');
  });

  it('cuts the path out of the name: ../../x.pdf is stored as x.pdf', async () => {
    const res = await send(pdf(), '../../x.pdf', 'application/pdf');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.evidenceFile?.name).toBe('x.pdf');
    expect(res.body.evidenceFile?.mime).toBe('application/pdf');
    expect(res.body.evidenceFile?.url).toMatch(/^\/uploads\/[^/]+\.pdf$/);
    expect(await evidenceOf(jwtOf('demoCurator'))).toBe('x.pdf');
  });

  it('takes real DOCX, JPEG and PNG files, whatever the declared type, under the real extension', async () => {
    const docx = await Packer.toBuffer(
      new Document({ sections: [{ children: [new Paragraph('Протокол заседания')] }] }),
    );
    const image = sharp({ create: { width: 16, height: 16, channels: 3, background: '#2a6' } });
    const cases: Array<[Uint8Array, string, string, string]> = [
      [docx, 'Протокол №3.docx', 'application/octet-stream', 'Протокол №3.docx'],
      [
        await image.clone().jpeg().toBuffer(),
        'foto meropriyatiya.JPG',
        'image/jpeg',
        'foto meropriyatiya.jpg',
      ],
      [await image.clone().png().toBuffer(), 'skrin', 'application/octet-stream', 'skrin.png'],
    ];
    for (const [bytes, name, declared, stored] of cases) {
      const res = await send(bytes, name, declared);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.evidenceFile?.name).toBe(stored);
      const served = await fetch(`${inject('strapiUrl')}${res.body.evidenceFile?.url ?? ''}`);
      expect(served.status).toBe(200);
      const body = Buffer.from(await served.arrayBuffer());
      // Documents are kept as sent; Strapi may re-encode images (size optimisation), of the same type.
      if (stored.endsWith('.docx')) expect(body.equals(Buffer.from(bytes))).toBe(true);
      else expect(body.subarray(0, 4).equals(Buffer.from(bytes).subarray(0, 4))).toBe(true);
    }
    expect(await evidenceOf(jwtOf('demoCurator'))).toBe('skrin.png');
  });

  it('does not reach an activity of another organisation', async () => {
    const res = await send(pdf(), 'chuzhoe.pdf', 'application/pdf', 'kamenskCurator');
    expect(res.status).toBe(404);
    expect(res.body.error?.message).toBe('Мероприятие дорожной карты не найдено или недоступно.');
  });

  it('refuses a visitor without an account', async () => {
    const form = new FormData();
    form.append('file', new Blob([pdf()]), 'x.pdf');
    const res = await fetch(`${inject('strapiUrl')}/api/nastavnik/roadmap-activities/${activity}/evidence`, {
      method: 'POST',
      body: form,
    });
    expect([401, 403]).toContain(res.status);
  });
});
