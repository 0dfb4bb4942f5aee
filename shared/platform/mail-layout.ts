import { helpline } from './config';

/**
 * The product's one mail layout: HTML with a plain-text alternative. The HTML is table-based with
 * inline styles (Outlook ignores most CSS), the button is a "bulletproof" table cell with a link,
 * and the link is printed under it too. Every interpolated text is escaped; callers pass plain text.
 * Colours are the web app's (web/src/styles.css), so a mail looks like the product it comes from.
 */

export const PRODUCT_NAME = 'Stagematching gezinszorg';

export interface MailLayoutInput {
  /** The heading in the mail; also the subject unless one is given. */
  title: string;
  subject?: string;
  /** Plain-text paragraphs, in order; a line break inside one stays a line break. */
  paragraphs: string[];
  button?: { label: string; url: string };
  /** Paragraphs after the button (validity of the link, what to do if it is not you). */
  after?: string[];
}

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/** Only http(s) links become buttons: a `javascript:` URL in a mail would be a bug or an attack. */
const safeUrl = (url: string) => {
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    throw new Error('Mail links must be http(s)');
  return parsed.toString();
};

const SIGNATURE = ['Met vriendelijke groeten,', `Het team van ${PRODUCT_NAME}`];

/** The app's colours: --green, --ink, --muted and --bg of the web app. */
const GREEN = '#0b5f4f';
const INK = '#1d2327';
const MUTED = '#5b6670';
const BG = '#f5f7f8';

/** Every mail ends with how to reach the helpline (settings of the deployment). */
function helplineLine(): { text: string; html: string } {
  const h = helpline();
  const lead = 'Vragen? De hulplijn van de sector';
  return {
    text: `${lead}: ${h.email} of ${h.phone} (${h.hours}).`,
    html: `${lead}: <a href="mailto:${escapeHtml(h.email)}" style="color:${GREEN};">${escapeHtml(h.email)}</a> of ${escapeHtml(h.phone)} (${escapeHtml(h.hours)}).`,
  };
}

const FONT = `font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:24px;color:${INK};`;

const paragraph = (text: string) =>
  `<p style="margin:0 0 16px 0;${FONT}">${escapeHtml(text).replace(/\n/g, '<br>')}</p>`;

function buttonHtml(label: string, url: string): string {
  const href = escapeHtml(url);
  return `<table role="presentation" cellspacing="0" cellpadding="0" border="0" style="margin:8px 0 16px 0;">
<tr><td align="center" bgcolor="${GREEN}" style="border-radius:6px;">
<a href="${href}" target="_blank" style="display:inline-block;padding:12px 24px;${FONT}font-weight:bold;color:#ffffff;text-decoration:none;border-radius:6px;">${escapeHtml(label)}</a>
</td></tr></table>
<p style="margin:0 0 16px 0;font-family:Arial,Helvetica,sans-serif;font-size:13px;line-height:20px;color:${MUTED};">Werkt de knop niet? Kopieer dan deze link in je browser:<br><a href="${href}" style="color:${GREEN};word-break:break-all;">${href}</a></p>`;
}

export function renderMail(input: MailLayoutInput): RenderedMail {
  const subject = input.subject ?? input.title;
  const url = input.button ? safeUrl(input.button.url) : undefined;
  const help = helplineLine();
  const text = [
    ...input.paragraphs,
    ...(input.button && url ? [`${input.button.label}:\n${url}`] : []),
    ...(input.after ?? []),
    SIGNATURE.join('\n'),
    `--\n${help.text}`,
  ].join('\n\n');

  const html = `<!DOCTYPE html>
<html lang="nl-BE">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(subject)}</title>
</head>
<body style="margin:0;padding:0;background-color:${BG};">
<table role="presentation" width="100%" cellspacing="0" cellpadding="0" border="0" bgcolor="${BG}">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="600" cellspacing="0" cellpadding="0" border="0" style="max-width:600px;width:100%;background-color:#ffffff;border-radius:8px;">
<tr><td style="padding:20px 32px;border-bottom:4px solid ${GREEN};font-family:Arial,Helvetica,sans-serif;font-size:18px;font-weight:bold;color:${GREEN};">${PRODUCT_NAME}</td></tr>
<tr><td style="padding:28px 32px 12px 32px;">
<h1 style="margin:0 0 20px 0;font-family:Arial,Helvetica,sans-serif;font-size:22px;line-height:30px;color:${INK};">${escapeHtml(input.title)}</h1>
${input.paragraphs.map(paragraph).join('\n')}
${input.button && url ? buttonHtml(input.button.label, url) : ''}
${(input.after ?? []).map(paragraph).join('\n')}
${paragraph(SIGNATURE.join('\n'))}
</td></tr>
</table>
<p style="margin:16px 0 0 0;font-family:Arial,Helvetica,sans-serif;font-size:12px;color:${MUTED};">${PRODUCT_NAME} — het centrale aanmeldsysteem voor stages en werkplekken in de gezinszorg.<br>${help.html}</p>
</td></tr>
</table>
</body>
</html>`;
  return { subject, html, text };
}
