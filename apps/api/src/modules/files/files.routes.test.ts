import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp, type TestClient } from '../../../test/test-app.ts';

// The smallest valid PNG: signature + IHDR + IDAT + IEND of a 1×1 pixel.
const png = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5a1b0c50000000049454e44ae426082',
  'hex',
);

function multipart(fileName: string, content: Buffer, contentType: string) {
  const boundary = '----guantong-test-boundary';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, content, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('attachments', () => {
  let t: TestApp;
  let intake: TestClient;

  before(async () => {
    t = await createTestApp({ env: { UPLOAD_MAX_BYTES: '4096' } });
    intake = await t.login('intake');
  });
  after(() => t.close());

  const upload = (client: TestClient, fileName: string, content: Buffer, contentType: string) => {
    const body = multipart(fileName, content, contentType);
    return client.request({ method: 'POST', url: '/api/files', payload: body.payload, headers: body.headers });
  };

  it('stores an image by content address and records its detected type', async () => {
    const response = await upload(intake, '现场照片.jpg', png, 'image/jpeg');
    assert.equal(response.statusCode, 200, response.body);
    const attachment = response.json();
    assert.equal(attachment.mimeType, 'image/png', 'detected from the bytes, not the name or the claim');
    assert.equal(attachment.sizeBytes, png.length);
    assert.ok(fs.existsSync(t.platform.files.pathOf(attachment.sha256)));
    const download = await intake.get(`/api/files/${attachment.id}/content`);
    assert.equal(download.statusCode, 200);
    assert.deepEqual(download.rawPayload, png);
    assert.equal(download.headers['content-type'], 'image/png');
  });

  it('refuses a text file dressed up as an image, and leaves nothing behind', async () => {
    const before = fs.readdirSync(t.platform.config.files.dir, { recursive: true }).length;
    const response = await upload(intake, 'photo.png', Buffer.from('<script>alert(1)</script>'), 'image/png');
    assert.equal(response.statusCode, 415);
    assert.equal(response.json().code, 'FILE_TYPE_NOT_ALLOWED');
    assert.equal(fs.readdirSync(t.platform.config.files.dir, { recursive: true }).length, before);
  });

  it('refuses a file over the size limit with 413', async () => {
    const big = Buffer.concat([png, Buffer.alloc(8192)]);
    const response = await upload(intake, 'big.png', big, 'image/png');
    assert.equal(response.statusCode, 413);
    assert.equal(response.json().code, 'FILE_TOO_LARGE');
  });

  it('refuses an upload without a file, and a JSON body', async () => {
    const json = await intake.post('/api/files', { file: 'x' });
    assert.equal(json.statusCode, 415);
  });

  it('lets nobody else download an attachment not yet attached to a record, and no one outside the body', async () => {
    const attachment = (await upload(intake, 'a.png', png, 'image/png')).json();
    const colleague = await t.login('leader');
    assert.equal((await colleague.get(`/api/files/${attachment.id}`)).statusCode, 404);
    const county = await t.login('lx.intake');
    assert.equal((await county.get(`/api/files/${attachment.id}/content`)).statusCode, 404);
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/files/${attachment.id}/content` })).statusCode, 401);
  });

  it('refuses uploads from a session without the CSRF token', async () => {
    const body = multipart('a.png', png, 'image/png');
    const response = await t.app.inject({ method: 'POST', url: '/api/files', payload: body.payload, headers: { ...body.headers, cookie: intake.cookie } });
    assert.equal(response.statusCode, 403);
  });
});
