import { auditEntry } from '#audit/record';
import { auditEntryPut } from '#audit/store';
import type { Notice } from '#contract/notices';
import type { Caller } from '#http/caller';
import { notFound } from '#kernel/errors';
import { listNotices, noticeHandledUpdate } from '#notices/store';
import { transactWrite } from '#platform/table/transact';

/** The admin looked at a notice: it stays listed, marked handled (once), and the audit says who. */
export async function markNoticeHandled(caller: Caller, id: string, now: Date): Promise<Notice> {
  const notice = (await listNotices()).find((n) => n.id === id);
  if (!notice) throw notFound('Deze melding bestaat niet.');
  if (notice.handledAt) return notice;
  const at = now.toISOString();
  const by = { id: caller.userId, name: caller.name };
  await transactWrite(
    [
      noticeHandledUpdate(notice, at, by),
      auditEntryPut(
        auditEntry(
          caller,
          'notice.handled',
          { kind: 'notice', id: notice.id, label: notice.studentName },
          undefined,
          now,
        ),
      ),
    ],
    3,
  );
  return { ...notice, handledAt: at, handledBy: by };
}
