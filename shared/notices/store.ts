import type { Notice } from '#contract/notices';
import { settings } from '#platform/config';
import { keys } from '#platform/table/keys';
import { queryAll } from '#platform/table/query-all';

/** The item for a notice, to be written in the same transaction as what caused it. */
export const noticeItem = (notice: Notice) => ({ ...keys.notice(notice.at, notice.id), ...notice });

/** Every notice, newest first: one partition, small (a few per school year). */
export function listNotices(): Promise<Notice[]> {
  return queryAll<Notice>({
    TableName: settings.tableName(),
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.notice('', '').pk },
    ScanIndexForward: false,
  });
}

/** Marks a notice handled, as a transaction item: the first admin's mark stays. */
export const noticeHandledUpdate = (notice: Notice, at: string, by: { id: string; name: string }) => ({
  Update: {
    TableName: settings.tableName(),
    Key: keys.notice(notice.at, notice.id),
    UpdateExpression:
      'SET handledAt = if_not_exists(handledAt, :at), handledBy = if_not_exists(handledBy, :by)',
    ConditionExpression: 'attribute_exists(pk)',
    ExpressionAttributeValues: { ':at': at, ':by': by },
  },
});
