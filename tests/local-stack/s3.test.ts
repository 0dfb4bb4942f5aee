import { describe, expect, it } from 'vitest';
import { storeExport } from '#platform/files';

const csv = 'Voornaam;Naam\r\nAnke;Peeters\r\n';

describe('exports in the private bucket (s3rver, signatures checked)', () => {
  it('downloads through the presigned link, as an attachment with the file name', async () => {
    const stored = await storeExport({
      ownerId: 'school-1',
      fileName: 'leerlingen.csv',
      body: csv,
      contentType: 'text/csv; charset=utf-8',
    });
    const res = await fetch(stored.url);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(csv);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="leerlingen.csv"');
  });

  it('refuses a link whose signature was tampered with', async () => {
    const { url } = await storeExport({
      ownerId: 'school-1',
      fileName: 'a.csv',
      body: csv,
      contentType: 'text/csv',
    });
    const tampered = new URL(url);
    const signature = tampered.searchParams.get('X-Amz-Signature')!;
    tampered.searchParams.set('X-Amz-Signature', (signature[0] === 'a' ? 'b' : 'a') + signature.slice(1));
    expect((await fetch(tampered)).status).toBe(403);
  });

  it('refuses a link pointing at another file than the one signed', async () => {
    const { url } = await storeExport({
      ownerId: 'school-1',
      fileName: 'b.csv',
      body: csv,
      contentType: 'text/csv',
    });
    const other = new URL(url);
    other.pathname = other.pathname.replace('school-1', 'school-2');
    expect((await fetch(other)).status).toBe(403);
  });

  it('refuses a link once it has expired', async () => {
    const { url } = await storeExport({
      ownerId: 'school-1',
      fileName: 'c.csv',
      body: csv,
      contentType: 'text/csv',
      expiresInSeconds: 1,
    });
    await new Promise((r) => setTimeout(r, 2100));
    const res = await fetch(url);
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('Request has expired');
  });

  it('refuses an unsigned request for an object that exists', async () => {
    const { url } = await storeExport({
      ownerId: 'school-1',
      fileName: 'd.csv',
      body: csv,
      contentType: 'text/csv',
    });
    const unsigned = new URL(url);
    unsigned.search = '';
    expect((await fetch(unsigned)).status).toBe(403);
  });
});
