/** A school's pages: one chunk, loaded only when a school opens one of them. */
export { SupervisorsPage } from '../../features/people/people-pages';
export { StudentFormPage } from '../../features/students/form/StudentFormPage';
export { StudentImportPage } from '../../features/students/StudentImportPage';
export { StudentPage } from '../../features/students/StudentPage';
export { StudentsPage } from '../../features/students/StudentsPage';
