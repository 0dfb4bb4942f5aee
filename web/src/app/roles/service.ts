/** A service's pages: one chunk, loaded only when a service opens one of them. */
export { ContactsPage } from '../../features/people/people-pages';
export { RequestsPage } from '../../features/requests/RequestsPage';
export { TakeoversPage } from '../../features/takeovers/TakeoversPage';
export { DualReportPage } from '../../features/trajectory/DualReportPage';
