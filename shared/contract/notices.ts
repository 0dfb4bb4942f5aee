import * as z from '#kernel/zod';

/** Something the sector admin should look at; never carries personal data beyond names. */
export const Notice = z.object({
  id: z.string(),
  kind: z.literal('duplicate_national_number'),
  at: z.string(),
  /** The student just entered or changed, and their school. */
  studentId: z.string(),
  studentName: z.string(),
  schoolId: z.string(),
  schoolName: z.string(),
  /** Students with the same national register number at other schools. */
  otherStudents: z.array(z.object({ studentId: z.string(), schoolId: z.string(), schoolName: z.string() })),
  /** When and by whom the admin marked it handled (absent: still to look at). */
  handledAt: z.string().nullable().optional(),
  handledBy: z.object({ id: z.string(), name: z.string() }).nullable().optional(),
});
export type Notice = z.output<typeof Notice>;
export const NoticeList = z.object({ items: z.array(Notice), total: z.number() });

export const NoticePath = z.object({ id: z.string().min(1).max(64) });
