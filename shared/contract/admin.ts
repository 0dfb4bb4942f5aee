import * as z from '#kernel/zod';
import { TRACKS } from './organisations';
import { PROVINCES } from './provinces';
import type { Round } from './school-year';

export const ADMIN_STUDENT_STATUSES = ['open', 'accepted', 'stopped', 'hidden'] as const;
export type AdminStudentStatus = (typeof ADMIN_STUDENT_STATUSES)[number];

/** The sector's list of every student of every school. */
export const AdminStudentQuery = z.object({
  name: z.string().trim().max(100).optional(),
  school: z.string().trim().max(100).optional(),
  track: z.enum(TRACKS, 'Onbekende opleidingsvorm.').optional(),
  status: z.enum(ADMIN_STUDENT_STATUSES, 'Onbekende status.').optional(),
  province: z.enum(PROVINCES, 'Onbekende provincie.').optional(),
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
export type AdminStudentQuery = z.output<typeof AdminStudentQuery>;

export const DashboardQuery = z.object({ track: z.enum(TRACKS, 'Onbekende opleidingsvorm.').optional() });

export interface PlacementFigures {
  entered: number;
  /** Waiting for a place: neither placed nor stopped. */
  open: number;
  /** Open and visible to services now (not hidden by the summer blackout). */
  visible: number;
  placed: number;
  stopped: number;
}

export interface Dashboard {
  track: string | null;
  totals: PlacementFigures;
  byProvince: Record<string, PlacementFigures>;
  /** Students placed per Brussels day, and the running total. */
  daily: { date: string; placed: number; cumulative: number }[];
  /**
   * The round boundaries to mark on the daily figures: the stored calendar's rounds of the shown
   * track(s), in time order, with their opening and close in Brussels wall-clock time
   * (`YYYY-MM-DDTHH:mm`; the first 10 characters are the day of `daily`).
   */
  rounds: Pick<Round, 'id' | 'name' | 'track' | 'programme' | 'kind' | 'opensAt' | 'closesAt'>[];
  nudges: {
    /** Active services that neither logged in nor decided anything since `since`. */
    quietServices: {
      id: string;
      name: string;
      province: string | null;
      lastLoginAt: string | null;
      lastDecisionAt: string | null;
    }[];
    /** Schools with students still without a place. */
    schoolsWithOpenStudents: { id: string; name: string; open: number }[];
    since: string;
  };
}
