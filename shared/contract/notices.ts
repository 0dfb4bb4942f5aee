/** Something the sector admin should look at; never carries personal data beyond names. */
export interface Notice {
  id: string;
  kind: 'duplicate_national_number';
  at: string;
  /** The student just entered or changed, and their school. */
  studentId: string;
  studentName: string;
  schoolId: string;
  schoolName: string;
  /** Students with the same national register number at other schools. */
  otherStudents: { studentId: string; schoolId: string; schoolName: string }[];
}
