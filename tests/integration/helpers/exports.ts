import { expect } from 'vitest';
import { call } from './api';
import type { TestUser } from './users';

/** Parses RFC 4180 CSV with `;` (what Excel with Belgian settings does on a double-click). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ';') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

export interface Downloaded {
  id: string;
  view: { status: string; rows: number; fileName: string; url: string; expiresAt: string };
  bytes: Buffer;
  headers: Headers;
}

/** Asks for an export as the web app does, waits until it is ready and downloads the file. */
export async function exportAndDownload(user: TestUser, body: Record<string, unknown>): Promise<Downloaded> {
  const started = await call('POST', '/exports', { token: user.accessToken, body });
  expect(started.status, JSON.stringify(started.body)).toBe(202);
  const id = started.body.id as string;
  let view = started.body;
  for (let i = 0; i < 200; i++) {
    const res = await call('GET', `/exports/${id}`, { token: user.accessToken });
    expect(res.status).toBe(200);
    view = res.body;
    if (view.status !== 'pending') break;
    await new Promise((r) => setTimeout(r, 50));
  }
  expect(view.status, JSON.stringify(view)).toBe('ready');
  const file = await fetch(view.url);
  expect(file.status).toBe(200);
  return { id, view, bytes: Buffer.from(await file.arrayBuffer()), headers: file.headers };
}

export const csvRows = (d: Downloaded) => {
  const text = d.bytes.toString('utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  return parseCsv(text.slice(1));
};
