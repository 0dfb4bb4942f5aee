/** What happened after an action: confirmed (a status) or refused (an alert). */
export type NoticeState = { kind: 'ok' | 'error'; text: string } | null;

export function Notice({ notice }: { notice: NoticeState }) {
  if (!notice) return null;
  return (
    <div className={`alert alert-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
      {notice.text}
    </div>
  );
}
