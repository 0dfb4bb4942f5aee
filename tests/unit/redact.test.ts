import { Logger } from '@aws-lambda-powertools/logger';
import { describe, expect, it, vi } from 'vitest';
import { REDACTED, redactingReplacer, redactText } from '#platform/log/redact';

describe('redaction of personal data in logs', () => {
  it('blanks fields that hold personal data, whatever their value', () => {
    const line = JSON.stringify(
      {
        student: {
          firstName: 'Anke',
          nationalNumber: '85073003328',
          email: 'a@b.be',
          phone: '0470 12 34 56',
          address: { street: 'Stationsstraat 12', postcode: '8000', city: 'Brugge' },
        },
      },
      redactingReplacer,
    );
    expect(line).toContain('Anke');
    expect(line).toContain('8000');
    expect(line).not.toMatch(/85073003328|a@b\.be|0470|Stationsstraat/);
    expect(line.match(/\[redacted\]/g)).toHaveLength(4);
  });

  it('masks personal data hidden in free text', () => {
    const text = redactText(
      'Contact lies.peeters@school.be or +32 470 12 34 56 / 050 12 34 56 about 85.07.30-033.28 (85073003328).',
    );
    expect(text).not.toMatch(/lies\.peeters|470 12|050 12|85\.07\.30|85073003328/);
    expect(text).toContain(REDACTED);
  });

  it('leaves ids, amounts, dates and account numbers that are not personal data alone', () => {
    const text =
      'arn:aws:lambda:eu-west-1:000000000000:function:x at 2026-09-18T12:00:00Z took 1733 ms, 80 hours';
    expect(redactText(text)).toBe(text);
  });

  it('keeps a bearer token out of the log', () => {
    expect(redactText('Authorization: Bearer eyJhbGciOi.abc.def')).toBe(`Authorization: Bearer ${REDACTED}`);
  });

  it('is what the product logger writes with', () => {
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const logger = new Logger({ serviceName: 't', logLevel: 'INFO', jsonReplacerFn: redactingReplacer });
    logger.info('Student saved', { nationalNumber: '85073003328', remarks: 'bel 0470123456' });
    const output = write.mock.calls.map((c) => String(c[0])).join('');
    write.mockRestore();
    expect(output).toContain('Student saved');
    expect(output).not.toMatch(/85073003328|0470123456/);
  });
});
