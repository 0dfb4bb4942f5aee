import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { renderMail } from '#platform/mail-layout';

const css = readFileSync(resolve(import.meta.dirname, '../../web/src/styles.css'), 'utf8');
const appColour = (name: string) => new RegExp(`--${name}:\\s*(#[0-9a-f]{6})`, 'i').exec(css)?.[1];

const mail = () =>
  renderMail({
    title: 'Activeer je account',
    paragraphs: ['Je bent uitgenodigd.'],
    button: { label: 'Account activeren', url: 'https://app.example/activeren#token=x' },
  });

afterEach(() => {
  delete process.env.HELPLINE_EMAIL;
  delete process.env.HELPLINE_PHONE;
  delete process.env.HELPLINE_HOURS;
});

describe('the mail layout', () => {
  it("uses the web app's colours: its green for the header, button and links, its ink for text", () => {
    const { html } = mail();
    const green = appColour('green');
    const ink = appColour('ink');
    expect(green).toBeDefined();
    expect(html).toContain(`bgcolor="${green}"`);
    expect(html).toContain(`border-bottom:4px solid ${green}`);
    expect(html).toContain(`color:${ink}`);
    // No colour of its own beside the app's.
    const palette = new Set(
      ['green', 'green-dark', 'ink', 'muted', 'bg', 'line'].map((n) => appColour(n)?.toLowerCase()),
    );
    const used = new Set([...html.matchAll(/#[0-9a-f]{6}\b/gi)].map((m) => m[0].toLowerCase()));
    expect([...used].filter((c) => c !== '#ffffff' && !palette.has(c))).toEqual([]);
  });

  it('ends every mail with the helpline this deployment sets', () => {
    process.env.HELPLINE_EMAIL = 'hulp@sector.example';
    process.env.HELPLINE_PHONE = '02 123 45 67';
    process.env.HELPLINE_HOURS = 'werkdagen 9–12 uur';
    const { text, html } = mail();
    expect(
      text
        .trimEnd()
        .endsWith(
          'Vragen? De hulplijn van de sector: hulp@sector.example of 02 123 45 67 (werkdagen 9–12 uur).',
        ),
    ).toBe(true);
    expect(html).toContain('<a href="mailto:hulp@sector.example"');
    expect(html).toContain('02 123 45 67 (werkdagen 9–12 uur)');
  });
});
